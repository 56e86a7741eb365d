import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderEvent } from '../../../../shared/domain/order-events';
import { describeError } from '../../forms/contract-form';
import { useContractQuery } from '../../transport/api-context';
import { formatDateTime } from '../../format/format';

interface PickerProps {
  value: string | null;
  onChange(value: string | null): void;
}

/**
 * What the owner types in a picker, searched by the core (a shop has more orders than one page),
 * and the picked option, kept in the list while the next search runs. The box shows the picked
 * option's label after a pick: that text is not a search.
 */
function useServerSearch() {
  const [text, setText] = useState('');
  const [typed] = useDebouncedValue(text.trim(), 250);
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  const search = typed !== '' && typed !== picked?.label ? typed : undefined;
  return {
    search,
    selectProps: {
      searchable: true,
      searchValue: text,
      onSearchChange: setText,
      // The core already filtered: show what it found.
      filter: (({ options }) => options) satisfies OptionsFilter<string>,
    },
    withPicked: (options: ComboboxItem[]) => (picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options),
    pick: (option: ComboboxItem | null) => setPicked(option),
  };
}

export function OrderPicker({ value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const server = useServerSearch();
  const list = useContractQuery('orders.list', { page: 1, pageSize: 50, ...(server.search ? { search: server.search } : {}) });
  const orders = list.state.status === 'ready' ? list.state.data.rows : [];
  return (
    <Select
      {...server.selectProps}
      label={t('templates.dryRun.orderLabel')}
      placeholder={t('templates.dryRun.orderPlaceholder')}
      data={server.withPicked(orders.map((o) => ({ value: String(o.id), label: `#${o.number} · ${o.customerName}` })))}
      value={value}
      onChange={(next, option) => {
        server.pick(option);
        onChange(next);
      }}
      nothingFoundMessage={t('templates.dryRun.noOrders')}
      error={list.state.status === 'error' ? describeError(list.state.error, t) : undefined}
      data-testid="dry-run-order"
    />
  );
}

export function LogPicker({ event, value, onChange }: PickerProps & { event: OrderEvent }) {
  const { t, i18n } = useTranslation();
  const server = useServerSearch();
  const list = useContractQuery('log.query', { filters: { type: event, ...(server.search ? { search: server.search } : {}) }, page: 1, pageSize: 50 });
  const rows = list.state.status === 'ready' ? list.state.data.rows : [];
  return (
    <Select
      {...server.selectProps}
      label={t('templates.dryRun.logLabel')}
      placeholder={t('templates.dryRun.logPlaceholder')}
      data={server.withPicked(
        rows.map((r) => ({ value: String(r.id), label: `#${r.orderNumber} · ${t(`log.status.${r.status}`)} · ${formatDateTime(r.createdAt, i18n.language)}` })),
      )}
      value={value}
      onChange={(next, option) => {
        server.pick(option);
        onChange(next);
      }}
      nothingFoundMessage={t('templates.dryRun.noLog')}
      error={list.state.status === 'error' ? describeError(list.state.error, t) : undefined}
      data-testid="dry-run-log"
    />
  );
}
