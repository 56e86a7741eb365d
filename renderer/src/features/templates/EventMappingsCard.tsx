import { Box, Paper, Tabs, Text, Title, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../../shared/contract/methods/templates';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import type { NotificationEventToggles } from '../../../../shared/settings/events';
import type { TemplatesSettings } from '../../../../shared/settings/templates';
import { EventMappingEditor } from './EventMappingEditor';
import { eventFromHash, MarketingHoldAlert, useMarketingHolds } from './MarketingHolds';
import { useLiveChecks } from './use-live-checks';

/**
 * The six events, one tab each. A tab whose event is switched on but whose mapping Meta would
 * refuse (checked live against the sample order) carries a warning, so it is seen before a send fails.
 */
export function EventMappingsCard({
  form,
  templates,
  templatesVersion,
  toggles,
}: {
  form: UseFormReturnType<TemplatesSettings>;
  templates: TemplateSummary[];
  templatesVersion: number;
  toggles: NotificationEventToggles | null;
}) {
  const { t } = useTranslation();
  // `#/templates/<event>` (from a held event's "pick another template") opens that event's tab.
  const [active, setActive] = useState<OrderEvent>(() => eventFromHash(window.location.hash) ?? 'order_placed');
  const marketing = useMarketingHolds();
  const activeHold = marketing.holds.find((hold) => hold.event === active);
  const checks = useLiveChecks(form.values.events, form.values.defaultLanguage, templatesVersion);

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4">
        {t('templates.events.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('templates.events.help')}
      </Text>
      {activeHold && (
        <Box mb="md">
          <MarketingHoldAlert hold={activeHold} onChanged={marketing.setHolds} showFixLink={false} />
        </Box>
      )}
      <Tabs value={active} onChange={(value) => value && setActive(value as OrderEvent)} keepMounted={false}>
        <Tabs.List mb="md">
          {ORDER_EVENTS.map((event) => {
            const check = checks[event];
            const refused = toggles?.[event] === true && check.state === 'ready' && !check.result.ok;
            const hasErrors = Object.keys(form.errors).some((key) => key.startsWith(`events.${event}.`));
            return (
              <Tabs.Tab
                key={event}
                value={event}
                data-testid={`event-tab-${event}`}
                data-refused={refused ? 'true' : undefined}
                color={hasErrors ? 'red' : undefined}
                data-errors={hasErrors ? 'true' : undefined}
                rightSection={
                  refused || hasErrors ? (
                    <Tooltip label={t(hasErrors ? 'templates.events.fieldErrors' : 'templates.events.refusedTab')}>
                      <IconAlertTriangle
                        size={16}
                        color="var(--mantine-color-red-6)"
                        aria-label={t(hasErrors ? 'templates.events.fieldErrors' : 'templates.events.refusedTab')}
                      />
                    </Tooltip>
                  ) : undefined
                }
              >
                {t(`events.items.${event}.label`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {ORDER_EVENTS.map((event) => (
          <Tabs.Panel key={event} value={event}>
            <EventMappingEditor form={form} event={event} templates={templates} check={checks[event]} eventOn={toggles?.[event]} templatesVersion={templatesVersion} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
