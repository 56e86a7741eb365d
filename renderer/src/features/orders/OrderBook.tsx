import { Badge, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../../shared/contract/methods/orders';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/order';
import { describeError } from '../../forms/contract-form';
import { useContractQuery } from '../../transport/api-context';
import { PagedTable, usePagedSearch } from '../common/PagedTable';
import { formatDateTime, formatMoney } from '../../format/format';
import { CreateOrderModal } from './CreateOrderModal';
import { OrderDrawer } from './OrderDrawer';
import { ORDER_STATUS_COLORS } from './order-status-colors';
import { formatPhone } from '../../../../shared/domain/phone-display';

const PAGE_SIZE = 25;

export function OrderBook() {
  const { t, i18n } = useTranslation();
  const { search, page, setPage, searchProps } = usePagedSearch(250);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useContractQuery('orders.list', { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}), ...(status ? { status } : {}) });
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t('orders.search')}
          placeholder={t('orders.searchPlaceholder')}
          {...searchProps}
          w={300}
          data-testid="orders-search"
        />
        <Select
          label={t('orders.status')}
          placeholder={t('log.filters.any')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v as OrderStatus | null);
            setPage(1);
          }}
          clearable
          w={200}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-order">
          {t('orders.new')}
        </Button>
      </Group>
      {list.state.status === 'error' && <div>{describeError(list.state.error, t)}</div>}
      <PagedTable<OrderView>
        state={list.state}
        highlightOnHover
        pageSize={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        noRecordsText={t('orders.empty')}
        onRowClick={(order) => setOpenId(order.id)}
        testId="orders-table"
        columns={[
          { accessor: 'number', title: t('orders.columns.number'), render: (o) => `#${o.number}` },
          { accessor: 'customerName', title: t('orders.columns.customer') },
          { accessor: 'phone', title: t('orders.columns.phone'), render: (o) => (o.phoneE164 ? formatPhone(o.phoneE164) : null) ?? (o.phoneProblem ? t(`validation.phone.${o.phoneProblem}`) : '—') },
          { accessor: 'totalMinor', title: t('orders.columns.total'), render: (o) => formatMoney(o.totalMinor, o.currency, i18n.language) },
          {
            accessor: 'status',
            title: t('orders.columns.status'),
            render: (o) => <Badge color={ORDER_STATUS_COLORS[o.status]} variant="light">{t(`orders.statuses.${o.status}`)}</Badge>,
          },
          { accessor: 'source', title: t('orders.columns.source'), render: (o) => t(`orders.sources.${o.source}`) },
          { accessor: 'createdAt', title: t('orders.columns.created'), render: (o) => formatDateTime(o.createdAt, i18n.language) },
        ]}
      />
      <CreateOrderModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          list.reload();
          setOpenId(id);
        }}
      />
      <OrderDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </Stack>
  );
}
