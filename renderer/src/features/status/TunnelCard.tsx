import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatusOverview } from '../../../../shared/contract/methods/status';
import { formatRelative } from '../../format/format';
import { textIn } from '../../i18n/keys';

const COLORS = { stopped: 'gray', connecting: 'yellow', online: 'teal', offline: 'red' } as const;

/** Whether Meta can reach this PC: the tunnel, its URL, and the last callback. */
export function TunnelCard({ overview, now }: { overview: StatusOverview; now: number }) {
  const { t, i18n } = useTranslation();
  const tunnel = overview.tunnel;
  const lang = i18n.language;
  return (
    <Paper withBorder p="md" radius="md" data-testid="card-tunnel">
      <Group justify="space-between" mb={4}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {t('status.tunnel')}
        </Text>
        {overview.mode === 'live' && <Badge color={COLORS[tunnel.state]}>{t(`status.tunnelState.${tunnel.state}`)}</Badge>}
      </Group>
      <Stack gap={2}>
        {overview.mode === 'sandbox' ? (
          <Text size="sm">{t('status.tunnelSandbox')}</Text>
        ) : (
          <>
            {tunnel.webhookUrl && (
              <Text size="sm" ff="monospace">
                {tunnel.webhookUrl}
              </Text>
            )}
            {tunnel.reason && <Text size="sm" c="red">{textIn(t, 'webhook.reason', tunnel.reason) ?? tunnel.reason}</Text>}
            {tunnel.nextRetryAt && (
              <Text size="sm" c="dimmed">
                {t('status.tunnelRetry', { when: formatRelative(tunnel.nextRetryAt, now, lang) })}
              </Text>
            )}
          </>
        )}
        {overview.webhook.lastCallbackAt && (
          <Text size="sm" c="dimmed">
            {t('status.lastCallback', { when: formatRelative(overview.webhook.lastCallbackAt, now, lang) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
