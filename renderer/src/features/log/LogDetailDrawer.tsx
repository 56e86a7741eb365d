import { Alert, Badge, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogDetail } from '../../../../shared/contract/methods/log';
import { ScreenState } from '../../app/ScreenState';
import { useContractQuery } from '../../transport/api-context';
import { formatDateTime } from '../common/format';
import { STATUS_COLORS } from './log-labels';

/** One message of the log: what was sent, Meta's ids, each status with its time, pricing, the error. */
export function LogDetailDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={t('logScreen.detail.title')} data-testid="log-detail">
      {id !== null && <DetailLoader id={id} />}
    </Drawer>
  );
}

function DetailLoader({ id }: { id: number }) {
  const { state, reload } = useContractQuery('log.get', { id });
  return (
    <ScreenState state={state} onRetry={reload}>
      {(detail) => <Detail detail={detail} />}
    </ScreenState>
  );
}

function Detail({ detail }: { detail: LogDetail }) {
  const { t, i18n } = useTranslation();
  const when = (ms: number | null) => formatDateTime(ms, i18n.language);
  const rows: [string, string | null][] = [
    [t('logScreen.detail.order'), `#${detail.orderNumber}`],
    [t('logScreen.detail.phone'), detail.phone],
    [t('logScreen.detail.type'), t(`logScreen.type.${detail.type}`)],
    [t('logScreen.detail.tracking'), detail.tracking],
    [t('logScreen.detail.wamid'), detail.wamid],
    [t('logScreen.detail.waId'), detail.waId],
  ];
  const times: [string, number | null][] = [
    [t('logScreen.detail.created'), detail.createdAt],
    [t('logScreen.status.sent'), detail.sentAt],
    [t('logScreen.status.delivered'), detail.deliveredAt],
    [t('logScreen.status.read'), detail.readAt],
    [t('logScreen.status.failed'), detail.failedAt],
  ];
  return (
    <Stack>
      <Group>
        <Badge size="lg" color={STATUS_COLORS[detail.status]} variant="light" data-testid="detail-status">
          {t(`logScreen.status.${detail.status}`)}
        </Badge>
      </Group>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="35%">{label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={4}>{t('logScreen.detail.sent')}</Title>
      {detail.content === null ? (
        <Text c="dimmed" size="sm">
          {t('logScreen.detail.contentUnknown')}
        </Text>
      ) : detail.content.kind === 'template' ? (
        <Text size="sm">
          {t('logScreen.detail.template', { name: detail.content.name, language: detail.content.language })}{' '}
          <Code>{JSON.stringify(detail.content.parameters)}</Code>
        </Text>
      ) : (
        <Code block>{detail.content.body}</Code>
      )}

      <Title order={4}>{t('logScreen.detail.timeline')}</Title>
      <Table>
        <Table.Tbody>
          {times.map(([label, at]) => (
            <Table.Tr key={label}>
              <Table.Th w="35%">{label}</Table.Th>
              <Table.Td>{when(at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {detail.statusEvents.length > 0 && (
        <Text size="xs" c="dimmed">
          {detail.statusEvents.map((e) => `${t(`logScreen.status.${e.status}`, { defaultValue: e.status })} ${when(e.at)}${e.outcome === 'stale' ? ` (${t('logScreen.detail.stale')})` : ''}`).join(' · ')}
        </Text>
      )}

      <Title order={4}>{t('logScreen.detail.pricing')}</Title>
      <Text size="sm">
        {detail.pricing.category
          ? t('logScreen.detail.pricingLine', {
              category: detail.pricing.category,
              billable: detail.pricing.billable === null ? '—' : detail.pricing.billable ? t('logScreen.detail.yes') : t('logScreen.detail.no'),
            })
          : t('logScreen.detail.noPricing')}
      </Text>

      {detail.errorDetail && (
        <Alert color="red" title={t('logScreen.detail.error', { code: detail.errorDetail.code ?? '—' })} data-testid="detail-error">
          <Text size="sm" fw={600}>
            {detail.errorDetail.title}
          </Text>
          {detail.errorDetail.details && <Text size="sm">{detail.errorDetail.details}</Text>}
        </Alert>
      )}

      {/*
        TODO(dispatcher): for `failed` and `unconfirmed` rows, a "Reenviar" button goes here and calls
        `dispatch.resend({ id: detail.id })` once the dispatcher's contract methods exist (then reload
        this detail and the table). Not faked meanwhile: there is no button until it can work.
      */}
    </Stack>
  );
}
