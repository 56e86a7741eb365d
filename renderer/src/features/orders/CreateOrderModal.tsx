import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createOrderSchema } from '../../../../shared/contract/methods/orders';
import type { OrderStatus } from '../../../../shared/domain/order';
import { validateWithSchema } from '../../forms/contract-form';
import { toMinorUnits } from '../../forms/money';
import { MoneyInput } from '../../forms/MoneyInput';
import { useContractAction } from '../../forms/use-contract-action';

/** A new order starts pending, or already paid (processing), or already done (completed). */
const START_STATUSES: OrderStatus[] = ['pending', 'processing', 'completed'];
/** Brazil first; the currencies a small Brazilian shop may also sell in. */
const CURRENCIES = ['BRL', 'USD', 'EUR', 'ARS', 'PYG', 'UYU'];

interface CreateValues {
  number: string;
  customerName: string;
  phone: string;
  total: number | string;
  currency: string;
  status: OrderStatus;
  /** `YYYY-MM-DD HH:mm:ss` from the picker; null = now. */
  createdAt: string | null;
}

const EMPTY: CreateValues = { number: '', customerName: '', phone: '', total: '', currency: 'BRL', status: 'pending', createdAt: null };

const toInput = (v: CreateValues) => ({
  number: v.number,
  customerName: v.customerName,
  phone: v.phone,
  // An empty or unreadable total is NaN, which the schema names at the field ("enter an amount").
  totalMinor: toMinorUnits(v.total, v.currency) ?? Number.NaN,
  currency: v.currency,
  status: v.status,
  ...(v.createdAt ? { createdAt: dayjs(v.createdAt).valueOf() } : {}),
});

/** "New order" in the local order book: what the owner types for a sale made on Instagram or at the counter. */
export function CreateOrderModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: validateWithSchema(createOrderSchema, t, toInput),
  });
  const creating = useContractAction('orders.create', {
    form,
    currency: form.values.currency,
    onSuccess: (order) => {
      form.reset();
      onCreated(order.id);
    },
    success: (order) => t('orders.created', { number: order.number }),
  });
  const busy = creating.busy;
  const submit = form.onSubmit((values) => void creating.run(toInput(values)));
  // Cancelled or closed: the next "New order" starts empty, not with what was abandoned.
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('orders.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('orders.columns.number')} data-testid="order-number" {...form.getInputProps('number')} />
          <TextInput label={t('orders.columns.customer')} data-testid="order-customer" {...form.getInputProps('customerName')} />
          <TextInput label={t('orders.columns.phone')} placeholder="(11) 98765-4321" data-testid="order-phone" {...form.getInputProps('phone')} />
          <SimpleGrid cols={2}>
            <MoneyInput
              label={t('orders.columns.total')}
              currency={form.values.currency}
              data-testid="order-total"
              {...form.getInputProps('total')}
              error={form.errors.total ?? form.errors.totalMinor}
            />
            <Select label={t('orders.currency')} data={CURRENCIES} allowDeselect={false} data-testid="order-currency" {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Select
            label={t('orders.columns.status')}
            description={t('orders.startStatusHelp')}
            data={START_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
            allowDeselect={false}
            data-testid="order-status-select"
            {...form.getInputProps('status')}
          />
          <DateTimePicker
            label={t('orders.columns.created')}
            placeholder={t('orders.createdNow')}
            valueFormat="DD/MM/YYYY HH:mm"
            clearable
            maxDate={new Date()}
            data-testid="order-created"
            {...form.getInputProps('createdAt')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-testid="cancel-new-order">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="create-order">
              {t('orders.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
