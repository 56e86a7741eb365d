import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderEvent } from '../../../../shared/domain/order-events';
import { describeError } from '../../forms/contract-form';
import { useContractQuery, type LoadState } from '../../transport/api-context';
import { formatDateTime } from '../../format/format';

interface PickerProps {
  value: string | null;
  onChange(value: string | null): void;
}

/**
 * What the owner types in a picker, searched by the core (a shop has more orders than one page),
 * and the picked option, kept in the list while the next search runs. The box shows the picked
 * option's label after a pick: that text is not a search. `selectProps` wires a Select to the
 * options the core answered; a failed search is said at the field.
 */
function useServerSearch({ value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [typed] = useDebouncedValue(text.trim(), 250);
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  const search = typed !== '' && typed !== picked?.label ? typed : undefined;
  return {
    search,
    selectProps: (options: ComboboxItem[], state: LoadState<unknown>) => ({
      searchable: true,
      searchValue: text,
      onSearchChange: setText,
      // The core already filtered: show what it found.
      filter: (({ options: found }) => found) satisfies OptionsFilter<string>,
      data: picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options,
      value,
      onChange: (next: string | null, option: ComboboxItem | null) => {
        setPicked(option);
        onChange(next);
      },
      error: state.status === 'error' ? describeError(state.error, t) : undefined,
    }),
  };
}

export function OrderPicker(props: PickerProps) {
  const { t } = useTranslation();
  const server = useServerSearch(props);
  const list = useContractQuery('orders.list', { page: 1, pageSize: 50, ...(server.search ? { search: server.search } : {}) });
  const orders = list.state.status === 'ready' ? list.state.data.rows : [];
  return (
    <Select
      {...server.selectProps(
        orders.map((o) => ({ value: String(o.id), label: `#${o.number} · ${o.customerName}` })),
        list.state,
      )}
      label={t('templates.dryRun.orderLabel')}
      placeholder={t('templates.dryRun.orderPlaceholder')}
      nothingFoundMessage={t('templates.dryRun.noOrders')}
      data-testid="dry-run-order"
    />
  );
}

export function LogPicker({ event, ...props }: PickerProps & { event: OrderEvent }) {
  const { t, i18n } = useTranslation();
  const server = useServerSearch(props);
  const list = useContractQuery('log.query', { filters: { type: event, ...(server.search ? { search: server.search } : {}) }, page: 1, pageSize: 50 });
  const rows = list.state.status === 'ready' ? list.state.data.rows : [];
  return (
    <Select
      {...server.selectProps(
        rows.map((r) => ({ value: String(r.id), label: `#${r.orderNumber} · ${t(`log.status.${r.status}`)} · ${formatDateTime(r.createdAt, i18n.language)}` })),
        list.state,
      )}
      label={t('templates.dryRun.logLabel')}
      placeholder={t('templates.dryRun.logPlaceholder')}
      nothingFoundMessage={t('templates.dryRun.noLog')}
      data-testid="dry-run-log"
    />
  );
}
