import { Alert, Anchor, Box, Paper, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateProblem } from '../../../../shared/domain/template-check';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import type { DispatchSettings } from '../../../../shared/settings/dispatch';
import type { NotificationEventToggles } from '../../../../shared/settings/events';
import { ScreenState } from '../../app/ScreenState';
import { describeError } from '../../forms/contract-form';
import { useAction } from '../../forms/use-contract-action';
import { useApi, useContractQuery } from '../../transport/api-context';
import { ProblemList } from '../templates/ProblemList';
import { MarketingHoldAlert, useMarketingHolds } from '../templates/MarketingHolds';
import { ScreenPage } from '../../app/ScreenPage';

/** "Notification Events": the six toggles, each saved as soon as it is flipped, and the master switch. */
export function EventsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const toggles = useContractQuery('events.getSettings', {});
  const dispatch = useContractQuery('dispatch.getSettings', {});
  // Which enabled events Meta would refuse is the core's rule (`templates.refusedEvents`).
  const refusedEvents = useContractQuery('templates.refusedEvents', {});
  const refused: Partial<Record<OrderEvent, TemplateProblem[]>> =
    refusedEvents.state.status === 'ready' ? Object.fromEntries(refusedEvents.state.data.map((r) => [r.event, r.problems])) : {};
  const marketing = useMarketingHolds();

  // Each switch moves at once; a refused save puts it back (`onError`) and says why.
  const saveEvents = useAction((_current: NotificationEventToggles, patch: Partial<NotificationEventToggles>) => api.call('events.saveSettings', patch), {
    onSuccess: (saved) => {
      toggles.setData(saved);
      refusedEvents.reload();
    },
    onError: (_error, _message, current) => toggles.setData(current),
    success: t('events.saved'),
  });
  const flipEvent = (current: NotificationEventToggles, event: OrderEvent, on: boolean) => {
    toggles.setData({ ...current, [event]: on });
    return saveEvents.run(current, { [event]: on });
  };

  const saveDispatch = useAction((_current: DispatchSettings, next: DispatchSettings) => api.call('dispatch.saveSettings', next), {
    onSuccess: (saved) => dispatch.setData(saved),
    onError: (_error, _message, current) => dispatch.setData(current),
    success: t('common.saved'),
  });
  const flipMaster = (current: DispatchSettings, enabled: boolean) => {
    dispatch.setData({ ...current, enabled });
    return saveDispatch.run(current, { ...current, enabled });
  };

  return (
    <ScreenPage title={t('events.title')} subtitle={t('events.subtitle')} maw={860}>
      {refusedEvents.state.status === 'error' && (
        <Alert color="red" title={t('events.refusedCheckFailed')} data-testid="events-refused-check-failed">
          {describeError(refusedEvents.state.error, t)}
        </Alert>
      )}
      <ScreenState state={dispatch.state}>
        {(settings) => (
          <Paper withBorder p="lg" radius="md">
            <Switch
              size="md"
              checked={settings.enabled}
              onChange={(e) => void flipMaster(settings, e.currentTarget.checked)}
              label={t('dispatch.fields.enabled.label')}
              description={settings.enabled ? t('dispatch.active') : t('dispatch.paused')}
              data-testid="master-switch"
            />
            {!settings.enabled && (
              <Alert color="yellow" mt="md">
                {t('events.masterOff')}
              </Alert>
            )}
          </Paper>
        )}
      </ScreenState>
      <ScreenState state={toggles.state}>
        {(current) => (
          <Paper withBorder radius="md">
            {ORDER_EVENTS.map((event, index) => (
              <Box key={event} p="md" style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
                <Switch
                  labelPosition="left"
                  checked={current[event]}
                  onChange={(e) => void flipEvent(current, event, e.currentTarget.checked)}
                  label={<Text fw={600}>{t(`events.items.${event}.label`)}</Text>}
                  description={t(`events.items.${event}.help`)}
                  data-testid={`event-${event}`}
                  styles={{ body: { justifyContent: 'space-between' }, labelWrapper: { flex: 1 } }}
                />
                {marketing.holds
                  .filter((hold) => hold.event === event)
                  .map((hold) => (
                    <Box key={hold.event} mt="xs">
                      <MarketingHoldAlert hold={hold} onChanged={marketing.setHolds} />
                    </Box>
                  ))}
                {current[event] && refused[event] && (
                  <Alert color="orange" variant="light" mt="xs" p="xs" data-testid={`event-refused-${event}`}>
                    <Text size="sm" fw={600}>
                      {t('events.refused')}{' '}
                      <Anchor href="#/templates" size="sm">
                        {t('events.fixInTemplates')}
                      </Anchor>
                    </Text>
                    <ProblemList problems={refused[event]} />
                  </Alert>
                )}
              </Box>
            ))}
          </Paper>
        )}
      </ScreenState>
    </ScreenPage>
  );
}
