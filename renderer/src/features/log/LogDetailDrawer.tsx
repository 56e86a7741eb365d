import type { ReactNode } from 'react';
import { Alert, Badge, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogDetail } from '../../../../shared/contract/methods/log';
import { isDispatchReason } from '../../../../shared/domain/dispatch-reasons';
import { ScreenState } from '../../app/ScreenState';
import { useContractEvent, useContractQuery } from '../../transport/api-context';
import { formatDateTime } from '../../format/format';
import { STATUS_COLORS } from './log-labels';
import { errorText, RESENDABLE } from './log-reasons';
import { ResendButton } from './ResendButton';
import { SentContent } from './SentContent';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { metaValueText } from '../common/meta-words';
import { textIn } from '../../i18n/keys';
import { FieldRows } from '../common/FieldRows';

/**
 * One message of the log: why it was not sent (in words), what was sent, Meta's ids, each status
 * with its time, pricing, Meta's error, and "Reenviar" for a failed or unconfirmed one.
 * `onChanged`: a resend queued a new row (the table reloads).
 */
export function LogDetailDrawer({ id, onClose, onChanged }: { id: number | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={t('log.detail.title')} data-testid="log-detail">
      {id !== null && <DetailLoader id={id} onChanged={onChanged} />}
    </Drawer>
  );
}

function DetailLoader({ id, onChanged }: { id: number; onChanged(): void }) {
  const { state, reload } = useContractQuery('log.get', { id });
  // Receipts keep arriving while the drawer is open (delivered, read, a late failure): follow them.
  useContractEvent('webhook.activity', reload);
  useContractEvent('dispatch.stateChanged', reload);
  return (
    <ScreenState state={state} onRetry={reload}>
      {(detail) => (
        <Detail
          detail={detail}
          onResent={() => {
            reload();
            onChanged();
          }}
        />
      )}
    </ScreenState>
  );
}

/** A reason still says something for these statuses (a queued row's reason is why it waits). */
const SHOWS_REASON = new Set(['skipped', 'failed', 'unconfirmed', 'queued']);

function Detail({ detail, onResent }: { detail: LogDetail; onResent(): void }) {
  const { t, i18n } = useTranslation();
  const reason = SHOWS_REASON.has(detail.status) && isDispatchReason(detail.reason) ? t(`dispatch.reason.${detail.reason}`) : null;
  const reasonDetail = detail.status === 'skipped' ? errorText(detail, t) : null;
  const when = (ms: number | null) => formatDateTime(ms, i18n.language);
  // Meta's identifiers are shown as they are (not translated), like the wamid.
  const verbatim = (value: string | null | undefined, testId: string) =>
    value ? (
      <span translate="no" data-testid={testId}>
        {value}
      </span>
    ) : null;
  const rows: [string, ReactNode][] = [
    [t('log.detail.order'), `#${detail.orderNumber}`],
    [t('log.detail.phone'), formatPhone(detail.phone)],
    [t('log.detail.type'), t(`log.type.${detail.type}`)],
    [t('log.detail.tracking'), detail.tracking],
    [t('log.detail.wamid'), detail.wamid],
    [t('log.detail.waId'), detail.waId && formatPhone(`+${detail.waId}`)],
    [t('log.detail.bsuid'), verbatim(detail.identity?.userId, 'detail-bsuid')],
    [t('log.detail.username'), verbatim(detail.identity?.username, 'detail-username')],
  ];
  const times: [string, number | null][] = [
    [t('log.detail.created'), detail.createdAt],
    [t('log.status.sent'), detail.sentAt],
    [t('log.status.delivered'), detail.deliveredAt],
    [t('log.status.read'), detail.readAt],
    [t('log.status.failed'), detail.failedAt],
  ];
  return (
    <Stack>
      <Group>
        <Badge size="lg" color={STATUS_COLORS[detail.status]} variant="light" data-testid="detail-status">
          {t(`log.status.${detail.status}`)}
        </Badge>
      </Group>
      {reason && (
        <Alert color={STATUS_COLORS[detail.status]} title={t('log.content.reason')} data-testid="detail-reason">
          <Text size="sm">{reason}</Text>
          {reasonDetail && (
            <Text size="sm" c="dimmed" mt={4}>
              {reasonDetail}
            </Text>
          )}
        </Alert>
      )}
      {RESENDABLE.includes(detail.status) && <ResendButton detail={detail} onResent={onResent} />}
      <FieldRows rows={rows} labelWidth="35%" />

      <Title order={4}>{t('log.detail.sent')}</Title>
      <SentContent content={detail.content} />

      <Title order={4}>{t('log.detail.timeline')}</Title>
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
          {detail.statusEvents.map((e) => `${(textIn(t, 'log.status', e.status) ?? e.status)} ${when(e.at)}${e.outcome === 'stale' ? ` (${t('log.detail.stale')})` : ''}`).join(' · ')}
        </Text>
      )}

      <Title order={4}>{t('log.detail.pricing')}</Title>
      <Text size="sm">
        {detail.pricing.category
          ? t('log.detail.pricingLine', {
              category: metaValueText('pricingCategory', detail.pricing.category, t),
              charge: detail.pricing.charge === null ? '—' : t(`pricing.charge.${detail.pricing.charge}`),
            })
          : t('log.detail.noPricing')}
      </Text>

      {detail.errorDetail && (
        <Alert color="red" title={detail.errorDetail.code === null ? t('log.detail.errorNoCode') : t('log.detail.error', { code: detail.errorDetail.code })} data-testid="detail-error">
          <Text size="xs" c="dimmed">
            {t('log.detail.metaSaid')}
          </Text>
          {/* Meta's own words, in English: quoted as they are, under the reason in words above. */}
          <Text size="sm" fw={600} lang="en" translate="no">
            {detail.errorDetail.title}
          </Text>
          {detail.errorDetail.details && (
            <Text size="sm" lang="en" translate="no">
              {detail.errorDetail.details}
            </Text>
          )}
        </Alert>
      )}

    </Stack>
  );
}
