import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchState } from '../../../../shared/contract/methods/dispatch';
import { formatRelative } from '../../format/format';
import { useNow } from '../../format/use-now';
import { useApi } from '../../transport/api-context';
import { useAction } from '../../forms/use-contract-action';
import { textIn } from '../../i18n/keys';

type Shown = 'running' | 'paused' | 'metaPaused' | 'errorPaused' | 'disabled' | 'stopped';
const COLORS: Record<Shown, string> = { running: 'teal', paused: 'yellow', metaPaused: 'red', errorPaused: 'red', disabled: 'gray', stopped: 'gray' };

/** A pause the owner did not ask for: Meta refused in a way only they can fix, or a run failed in Recado itself. */
const shownState = (s: DispatchState): Shown => {
  if (s.state !== 'paused') return s.state;
  if (s.pause?.kind === 'user') return 'paused';
  return s.pause?.kind === 'error' ? 'errorPaused' : 'metaPaused';
};

/** "A mais antiga espera há 4 min 05 s": the age the core measured, moved on by the time since it said so. */
function OldestPending({ state }: { state: DispatchState }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const receivedAt = useMemo(() => Date.now(), [state]);
  if (state.oldestQueuedAgeMs === null || state.queueSize === 0) return null;
  const age = state.oldestQueuedAgeMs + Math.max(0, now - receivedAt);
  return (
    <Text size="sm" c="dimmed" data-testid="dispatch-oldest">
      {t('dispatch.card.oldest', { time: formatCountdown(age, t) })}
    </Text>
  );
}

/** "4 min 05 s", "58 s", "1 h 20 min": a countdown that visibly moves every second. */
export function formatCountdown(ms: number, t: TFunction): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return t('dispatch.card.countdown.hours', { h, m });
  if (m > 0) return t('dispatch.card.countdown.minutes', { m, s: String(s).padStart(2, '0') });
  return t('dispatch.card.countdown.seconds', { s });
}

/** "Próximo envio em 3 min 05 s", ticking every second; "Verificando pedidos…" while a run works. */
function NextDispatch({ state }: { state: DispatchState }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (state.state !== 'running') return null;
  if (state.busy) {
    return (
      <Group gap={6} data-testid="dispatch-countdown">
        <Loader size={12} />
        <Text size="sm" c="dimmed">
          {t('dispatch.card.working')}
        </Text>
      </Group>
    );
  }
  if (state.nextDispatchAt === null) return null;
  const left = state.nextDispatchAt - now;
  return (
    <Text size="sm" c="dimmed" data-testid="dispatch-countdown">
      {left > 0 ? t('dispatch.card.nextDispatch', { time: formatCountdown(left, t) }) : t('dispatch.card.nextDispatchSoon')}
    </Text>
  );
}

/**
 * The Status screen's queue and dispatcher: how many wait, when the next run is, whether it sends
 * (and if not, why and what to do), with Pause / Resume / Send now.
 */
export function DispatchCard({ state, onState }: { state: DispatchState; onState(s: DispatchState): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const now = useNow();
  const command = useAction((name: 'pause' | 'resume' | 'sendNow') => api.call(`dispatch.${name}`, {}), {
    onSuccess: onState,
    success: (_state, name) => ({ color: name === 'pause' ? 'yellow' : 'green', message: t(`dispatch.card.${name === 'pause' ? 'pausedDone' : name === 'resume' ? 'resumedDone' : 'sendNowDone'}`) }),
  });
  const action = command.running?.[0] ?? null;
  const run = command.run;
  const shown = shownState(state);

  const pause = state.pause;
  return (
    <Paper withBorder p="md" radius="md" data-testid="card-dispatch">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Stack gap={2} miw={180} data-testid="card-queue">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('status.queue')}
          </Text>
          <Text fw={700} size="xl" data-testid="dispatch-queue">
            {t('status.pending', { count: state.queueSize })}
          </Text>
          <OldestPending state={state} />
          <NextDispatch state={state} />
        </Stack>

        <Stack gap={6} style={{ flex: 1 }} miw={260}>
          <Group gap="xs">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t('dispatch.card.title')}
            </Text>
            <Badge color={COLORS[shown]} variant="light" data-testid="dispatch-state">
              {t(`dispatch.card.state.${shown}`)}
            </Badge>
          </Group>
          {shown === 'errorPaused' && pause ? (
            <Alert color="red" p="sm" data-testid="dispatch-pause-reason">
              <Text size="sm">{textIn(t, 'notify.dispatchPaused', pause.reason) ?? t('notify.dispatchPaused.fallback')}</Text>
              {pause.message && (
                <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {t('dispatch.card.errorDetail', { text: pause.message })}
                </Text>
              )}
              <Text size="sm" mt={4}>
                {t('dispatch.card.hint.errorPaused')}
              </Text>
            </Alert>
          ) : shown === 'metaPaused' && pause ? (
            <Alert color="red" p="sm" data-testid="dispatch-pause-reason">
              <Text size="sm">{textIn(t, 'notify.dispatchPaused', pause.reason) ?? t('notify.dispatchPaused.fallback')}</Text>
              {pause.code !== null && (
                <Text size="xs" mt={4}>
                  {t('dispatch.card.metaCode', { code: pause.code })}
                </Text>
              )}
              {pause.message && (
                <Text size="xs" c="dimmed">
                  {/* The core keeps "190: Invalid OAuth…"; the code is already on the line above. */}
                  {t('meta.said', { text: pause.code === null ? pause.message : pause.message.replace(`${pause.code}: `, '') })}
                </Text>
              )}
              <Text size="sm" mt={4}>
                {t('dispatch.card.hint.metaPaused')}
              </Text>
            </Alert>
          ) : (
            <Text size="sm" c="dimmed" data-testid="dispatch-hint">
              {t(`dispatch.card.hint.${shown}`)}
            </Text>
          )}
          {pause && (
            <Text size="xs" c="dimmed">
              {t('dispatch.card.pausedAt', { when: formatRelative(pause.at, now, i18n.language) })}
            </Text>
          )}
        </Stack>

        <Group gap="xs">
          {state.state === 'paused' ? (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void run('resume')} loading={action === 'resume'} disabled={action !== null} data-testid="dispatch-resume">
              {t('dispatch.card.resume')}
            </Button>
          ) : (
            <Button
              variant="default"
              leftSection={<IconPlayerPause size={16} />}
              onClick={() => void run('pause')}
              loading={action === 'pause'}
              disabled={action !== null || state.state === 'stopped'}
              data-testid="dispatch-pause"
            >
              {t('dispatch.card.pause')}
            </Button>
          )}
          <Tooltip label={t('dispatch.card.sendNowHint')} multiline w={260}>
            <Button
              variant="light"
              leftSection={<IconSend size={16} />}
              onClick={() => void run('sendNow')}
              loading={action === 'sendNow'}
              disabled={action !== null || state.state !== 'running'}
              data-testid="dispatch-send-now"
            >
              {t('dispatch.card.sendNow')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}
