import { Badge, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createOrderSchema, type OrderView } from '../../../../shared/contract/methods/orders';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/order';
import { describeError, serverFieldIssues, translateIssue, validateWithSchema } from '../../forms/contract-form';
import { useApi, useContractQuery } from '../../transport/api-context';
import { formatDateTime, formatMoney, formatNumber } from '../common/format';
import { OrderDrawer } from './OrderDrawer';

const PAGE_SIZE = 25;
export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = { pending: 'gray', processing: 'blue', completed: 'teal', cancelled: 'red', refunded: 'orange' };

export function OrderBook() {
  const { t, i18n } = useTranslation();
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 250);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useContractQuery('orders.list', { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}), ...(status ? { status } : {}) });
  const data = list.state.status === 'ready' ? list.state.data : null;
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t('ordersScreen.search')}
          placeholder={t('ordersScreen.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.currentTarget.value);
            setPage(1);
          }}
          w={300}
          data-testid="orders-search"
        />
        <Select
          label={t('ordersScreen.status')}
          placeholder={t('logScreen.filters.any')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`ordersScreen.statuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v as OrderStatus | null);
            setPage(1);
          }}
          clearable
          w={200}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-order">
          {t('ordersScreen.new')}
        </Button>
      </Group>
      {list.state.status === 'error' && <div>{describeError(list.state.error, t)}</div>}
      <DataTable<OrderView>
        withTableBorder
        highlightOnHover
        minHeight={200}
        records={data?.rows ?? []}
        fetching={list.state.status === 'loading'}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        paginationText={({ from, to, totalRecords }) => t('logScreen.showing', { from, to, total: formatNumber(totalRecords, i18n.language) })}
        noRecordsText={t('ordersScreen.empty')}
        onRowClick={({ record }) => setOpenId(record.id)}
        data-testid="orders-table"
        columns={[
          { accessor: 'number', title: t('ordersScreen.columns.number'), render: (o) => `#${o.number}` },
          { accessor: 'customerName', title: t('ordersScreen.columns.customer') },
          { accessor: 'phone', title: t('ordersScreen.columns.phone'), render: (o) => o.phoneE164 ?? (o.phoneProblem ? t(`validation.phone.${o.phoneProblem}`) : '—') },
          { accessor: 'totalMinor', title: t('ordersScreen.columns.total'), render: (o) => formatMoney(o.totalMinor, o.currency, i18n.language) },
          {
            accessor: 'status',
            title: t('ordersScreen.columns.status'),
            render: (o) => <Badge color={ORDER_STATUS_COLORS[o.status]} variant="light">{t(`ordersScreen.statuses.${o.status}`)}</Badge>,
          },
          { accessor: 'source', title: t('ordersScreen.columns.source'), render: (o) => t(`ordersScreen.sources.${o.source}`) },
          { accessor: 'createdAt', title: t('ordersScreen.columns.created'), render: (o) => formatDateTime(o.createdAt, i18n.language) },
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

interface CreateValues {
  number: string;
  customerName: string;
  phone: string;
  total: number | string;
}

function CreateOrderModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const toInput = (v: CreateValues) => ({ number: v.number, customerName: v.customerName, phone: v.phone, totalMinor: Math.round(Number(v.total || 0) * 100) });
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: { number: '', customerName: '', phone: '', total: '' },
    validate: validateWithSchema(createOrderSchema, t, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      const order = await api.call('orders.create', toInput(values));
      notifications.show({ color: 'green', message: t('ordersScreen.created', { number: order.number }) });
      form.reset();
      onCreated(order.id);
    } catch (error) {
      for (const issue of serverFieldIssues(error)) form.setFieldError(issue.path === 'totalMinor' ? 'total' : issue.path, translateIssue(issue, t));
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('ordersScreen.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('ordersScreen.columns.number')} data-testid="order-number" {...form.getInputProps('number')} />
          <TextInput label={t('ordersScreen.columns.customer')} data-testid="order-customer" {...form.getInputProps('customerName')} />
          <TextInput label={t('ordersScreen.columns.phone')} placeholder="(11) 98765-4321" data-testid="order-phone" {...form.getInputProps('phone')} />
          <NumberInput
            label={t('ordersScreen.columns.total')}
            prefix="R$ "
            decimalSeparator=","
            thousandSeparator="."
            decimalScale={2}
            fixedDecimalScale
            min={0}
            data-testid="order-total"
            {...form.getInputProps('total')}
            error={form.errors.total ?? form.errors.totalMinor}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="create-order">
              {t('ordersScreen.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
