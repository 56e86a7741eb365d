import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketingHold } from '../../../../shared/contract/methods/template-category';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { useContractAction } from '../../forms/use-contract-action';
import { formatDateTime } from '../../format/format';
import { useContractEvent, useContractQuery } from '../../transport/api-context';
import { textIn } from '../../i18n/keys';

/** Meta's category code in words ("Utilidade"), the code itself only for a category Recado does not know. */
export function categoryText(category: string | null, t: TFunction): string {
  if (!category) return t('templates.marketingHold.unknownCategory');
  return textIn(t, 'templates.category', category.toUpperCase()) ?? t('templates.marketingHold.unknownCategory');
}

/** Where the Templates screen opens this event's mapping (`#/templates/<event>`). */
export const mappingHref = (event: OrderEvent) => `#/templates/${event}`;

/** The event a `#/templates/<event>` address asks for, if any. */
export function eventFromHash(hash: string): OrderEvent | null {
  const match = /^#\/templates\/([\w-]+)/.exec(hash);
  const event = match?.[1];
  return event !== undefined && (ORDER_EVENTS as readonly string[]).includes(event) ? (event as OrderEvent) : null;
}

/** The events whose template Meta moved to MARKETING, kept current by `templates.marketingHoldsChanged`. */
export function useMarketingHolds() {
  const query = useContractQuery('templates.marketingHolds', {});
  useContractEvent('templates.marketingHoldsChanged', query.reload);
  const holds = query.state.status === 'ready' ? query.state.data : [];
  return { holds, reload: query.reload, setHolds: query.setData };
}

/**
 * One held (or accepted) event in words: which template Meta changed, from what to what, why
 * nothing is sent, how many notifications wait, and the two ways out — another template (or the
 * same one re-submitted as utility) in the Templates screen, or accepting marketing explicitly,
 * with the price difference. Every action ends in a notification.
 */
export function MarketingHoldAlert({ hold, onChanged, showFixLink = true }: { hold: MarketingHold; onChanged(holds: MarketingHold[]): void; showFixLink?: boolean }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const eventName = t(`events.items.${hold.event}.label`);
  const accept = useContractAction('templates.acceptMarketing', {
    onSuccess: (holds) => {
      onChanged(holds);
      setConfirming(false);
    },
    success: (_holds, { accept: accepted }) => t(accepted ? 'templates.marketingHold.accepted' : 'templates.marketingHold.undone', { event: eventName }),
  });
  const saving = accept.busy;
  const setAccepted = (value: boolean) => accept.run({ event: hold.event, accept: value });

  if (!hold.held) {
    return (
      <Alert color="gray" variant="light" data-testid={`marketing-accepted-${hold.event}`}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            {t('templates.marketingHold.acceptedNote', {
              previous: categoryText(hold.previousCategory, t),
              when: hold.acceptedAt === null ? '—' : formatDateTime(hold.acceptedAt, i18n.language),
            })}
          </Text>
          <Button size="xs" variant="subtle" loading={saving} onClick={() => void setAccepted(false)} data-testid={`marketing-undo-${hold.event}`}>
            {t('templates.marketingHold.undo')}
          </Button>
        </Group>
      </Alert>
    );
  }

  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('templates.marketingHold.title', { event: eventName })} data-testid={`marketing-hold-${hold.event}`}>
      <Stack gap="xs">
        <Text size="sm">
          {t('templates.marketingHold.template')}:{' '}
          <Text span ff="monospace" translate="no">
            {hold.templateName}
          </Text>
        </Text>
        <Text size="sm">{t('templates.marketingHold.why', { previous: categoryText(hold.previousCategory, t), category: categoryText(hold.category, t) })}</Text>
        <Text size="sm" fw={600} data-testid={`marketing-waiting-${hold.event}`}>
          {t('templates.marketingHold.waiting', { count: hold.queued })}
        </Text>
        <Text size="sm">{t('templates.marketingHold.waysOut')}</Text>
        <Group gap="sm">
          {showFixLink && (
            <Button component="a" href={mappingHref(hold.event)} size="xs" variant="light" data-testid={`marketing-fix-${hold.event}`}>
              {t('templates.marketingHold.fix')}
            </Button>
          )}
          <Button size="xs" color="orange" variant="outline" onClick={() => setConfirming(true)} data-testid={`marketing-accept-${hold.event}`}>
            {t('templates.marketingHold.accept')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('templates.marketingHold.fixHelp')}
        </Text>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('templates.marketingHold.acceptConfirmTitle', { event: eventName })} centered>
        <Stack>
          <Text size="sm">{t('templates.marketingHold.acceptConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={saving} onClick={() => void setAccepted(true)} data-testid={`marketing-accept-confirm-${hold.event}`}>
              {t('templates.marketingHold.acceptConfirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}

/** Every MARKETING-mapped event as an alert (Status). Nothing when no template changed category. */
export function MarketingHoldList({ holds, onChanged }: { holds: MarketingHold[]; onChanged(holds: MarketingHold[]): void }) {
  if (holds.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="marketing-holds">
      {holds.map((hold) => (
        <MarketingHoldAlert key={hold.event} hold={hold} onChanged={onChanged} />
      ))}
    </Stack>
  );
}
