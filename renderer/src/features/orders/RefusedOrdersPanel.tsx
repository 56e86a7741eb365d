import { Alert, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalField, type RefusedOrderView } from '../../../../shared/domain/refused-order';
import { ScreenState } from '../../app/ScreenState';
import { useContractEvent, useContractQuery } from '../../transport/api-context';
import { formatDateTime } from '../../format/format';
import { useContractAction } from '../../forms/use-contract-action';
import { PanelHeading } from '../common/PanelHeading';
import { textOfKey } from '../../i18n/keys';

/** How many orders are refused now, kept current by `orders.refusedChanged` (the tab's badge). */
export function useRefusedCount(): number {
  const [pushed, setPushed] = useState<number | null>(null);
  const list = useContractQuery('orders.listRefused', {});
  useContractEvent('orders.refusedChanged', useCallback(({ total }: { total: number }) => setPushed(total), []));
  return pushed ?? (list.state.status === 'ready' ? list.state.data.total : 0);
}

/**
 * "Pedidos recusados": each order a source sent that failed the order schema, in words — which
 * field, why, the value received, and what to fix at the source — with a way to dismiss it.
 */
export function RefusedOrdersPanel() {
  const { t } = useTranslation();
  const list = useContractQuery('orders.listRefused', {});
  useContractEvent('orders.refusedChanged', list.reload);
  return (
    <Stack maw={900}>
      <div>
        <PanelHeading title={t('orders.refused.title')} help={t('orders.refused.help')} />
      </div>
      <ScreenState state={list.state} onRetry={list.reload}>
        {(page) =>
          page.rows.length === 0 ? (
            <Alert color="teal" data-testid="refused-empty">
              {t('orders.refused.empty')}
            </Alert>
          ) : (
            <Stack data-testid="refused-list">
              {page.rows.map((row) => (
                <RefusedOrderCard key={`${row.source}:${row.externalId}`} row={row} onDismissed={list.reload} />
              ))}
            </Stack>
          )
        }
      </ScreenState>
    </Stack>
  );
}

function RefusedOrderCard({ row, onDismissed }: { row: RefusedOrderView; onDismissed(): void }) {
  const { t, i18n } = useTranslation();
  const dismissing = useContractAction('orders.dismissRefused', { onSuccess: onDismissed, success: t('orders.refused.dismissed') });
  const busy = dismissing.busy;
  const dismiss = () => dismissing.run({ source: row.source, externalId: row.externalId });
  const excerptOf = (path: string) => row.excerpt.find((e) => e.path === path);
  return (
    <Paper withBorder p="md" radius="md" data-testid="refused-order">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" aria-hidden />
            <Text fw={600}>{row.number ? t('orders.refused.order', { number: row.number }) : t('orders.refused.orderNoNumber', { id: row.externalId })}</Text>
            <Badge variant="light">{t(`orders.sources.${row.source}`)}</Badge>
          </Group>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} loading={busy} onClick={() => void dismiss()} data-testid="refused-dismiss">
            {t('orders.refused.dismiss')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('orders.refused.seen', { when: formatDateTime(row.lastSeenAt, i18n.language) })} · {t('orders.refused.times', { count: row.times })}
        </Text>
        <List size="sm" spacing={4}>
          {row.issues.map((issue, i) => {
            const excerpt = excerptOf(issue.path);
            return (
              <List.Item key={`${issue.path}-${i}`} data-testid="refused-issue">
                {t('orders.refused.issue', { field: t(`orders.refused.field.${refusalField(issue.path)}`), reason: textOfKey(t, issue.key, issue.params) ?? t('validation.invalid') })}
                {excerpt && (
                  <Text size="xs" c="dimmed" component="div">
                    {excerpt.value === '' ? t('orders.refused.missing') : t('orders.refused.received', { value: excerpt.value, interpolation: { escapeValue: false } })}
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
        <Text size="sm">
          <Text span fw={600}>
            {t('orders.refused.howToFix')}:
          </Text>{' '}
          {t(`orders.refused.fix.${row.source}`)}
        </Text>
      </Stack>
    </Paper>
  );
}
