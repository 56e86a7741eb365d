import { ActionIcon, Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StatusOverview } from '../../../../shared/contract/methods/status';
import { maskPhone } from '../../../../shared/domain/phone-mask';
import { ScreenState } from '../../app/ScreenState';
import { describeError } from '../../forms/contract-form';
import { formatNumber, formatRelative } from '../../format/format';
import { useNow } from '../../format/use-now';
import { useContractEvent, useContractQuery } from '../../transport/api-context';
import { DoctorSummary } from '../doctor/DoctorSummary';
import { ApiVersionNotice } from './ApiVersionNotice';
import { MarketingHoldList } from '../templates/MarketingHolds';
import { CostCard } from './CostCard';
import { DailyChart } from './DailyChart';
import { DispatchCard } from './DispatchCard';
import { MetaProblem } from './MetaProblem';
import { TunnelCard } from './TunnelCard';
import { PortConflictAlert } from '../common/PortConflictAlert';
import { StartupNotices } from './StartupNotices';
import { useDispatchState } from './use-dispatch-state';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { useContractAction } from '../../forms/use-contract-action';

/** "Connection Status": is Recado able to send, and what has it sent. Refreshes itself. */
export function StatusScreen() {
  const { state, setData, reload } = useContractQuery('status.overview', {});
  useContractEvent('webhook.activity', reload);
  useContractEvent('tunnel.stateChanged', reload);
  useContractEvent('sandbox.modeChanged', reload);
  useContractEvent('templates.marketingHoldsChanged', reload);
  return <ScreenState state={state}>{(overview) => <StatusView overview={overview} onChange={setData} onReload={reload} />}</ScreenState>;
}

function StatusView({ overview, onChange, onReload }: { overview: StatusOverview; onChange(o: StatusOverview): void; onReload(): void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const dispatch = useDispatchState();
  const lang = i18n.language;
  const check = overview.api;

  const checkApi = useContractAction('status.checkApi', { onSuccess: (api) => onChange({ ...overview, api }) });
  const checking = checkApi.busy;
  const recheck = () => checkApi.run({});

  const apiLabel = !check
    ? t('status.neverChecked')
    : check.state === 'connected'
      ? t('status.connected')
      : check.state === 'not_configured'
        ? t('status.notConfigured')
        : t('status.notConnected');

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('status.title')}</Title>
          {overview.mode === 'sandbox' && (
            <Badge color="grape" variant="filled" data-testid="sandbox-badge">
              {t('status.sandboxBadge')}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="last-checked">
            {check ? t('status.lastChecked', { when: formatRelative(check.checkedAt, now, lang) }) : t('status.neverChecked')}
          </Text>
          <Tooltip label={t('status.refresh')}>
            <ActionIcon variant="light" onClick={() => void recheck()} loading={checking} aria-label={t('status.refresh')}>
              <IconRefresh size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <StartupNotices />
      <MarketingHoldList holds={overview.marketingHolds} onChanged={(marketingHolds) => onChange({ ...overview, marketingHolds })} />
      {overview.mode === 'sandbox' && <Alert color="grape">{t('status.sandboxHint')}</Alert>}
      {check?.problem && <MetaProblem problem={check.problem} />}
      <ApiVersionNotice notice={overview.apiVersion} />
      <PortConflictAlert />
      <DoctorSummary />

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card title={t('status.apiStatus')} testId="card-api">
          <Text fw={700} size="xl" c={check?.state === 'connected' ? 'teal' : check?.state === 'error' ? 'red' : undefined}>
            {apiLabel}
          </Text>
          <Text size="sm" c="dimmed">
            {t('status.graphVersion', { version: check?.apiVersion ?? '' })}
          </Text>
        </Card>
        <Card title={t('status.phoneNumber')} testId="card-phone">
          <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }} data-testid="masked-phone">
            {check?.displayPhoneNumber ? maskPhone(formatPhone(check.displayPhoneNumber)) : '—'}
          </Text>
          <Text size="sm" c="dimmed">
            {check?.phoneNumberId ? t('status.phoneId', { id: check.phoneNumberId }) : ''}
          </Text>
        </Card>
        <Card title={t('status.messagesToday')} testId="card-today">
          <Text fw={700} size="xl">
            {formatNumber(overview.today.total, lang)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('status.deliveredRead', { delivered: overview.today.delivered, read: overview.today.read })}
          </Text>
        </Card>
      </SimpleGrid>
      {dispatch.state ? (
        <DispatchCard state={dispatch.state} onState={dispatch.set} />
      ) : (
        <Card title={t('status.queue')} testId="card-queue">
          <Text fw={700} size="xl">
            {t('status.pending', { count: overview.queue.pending })}
          </Text>
          {dispatch.error !== null && (
            <Text size="sm" c="red">
              {describeError(dispatch.error, t)}
            </Text>
          )}
        </Card>
      )}

      <TunnelCard overview={overview} now={now} />
      <DailyChart daily={overview.daily} />
      <CostCard cost={overview.cost} onRatesSaved={onReload} />
    </Stack>
  );
}

function Card({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}
