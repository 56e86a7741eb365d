import { Alert, Badge, Button, Drawer, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/methods/orders';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/order';
import { ScreenState } from '../../app/ScreenState';
import { toMinorUnits } from '../../forms/money';
import { MoneyInput } from '../../forms/MoneyInput';
import { useContractQuery } from '../../transport/api-context';
import { formatDateTime, formatMoney } from '../../format/format';
import { ORDER_STATUS_COLORS } from './order-status-colors';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { useContractAction } from '../../forms/use-contract-action';

export function OrderDrawer({ id, onClose, onChanged }: { id: number | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={t('orders.detail')} data-testid="order-drawer">
      {id !== null && <Loader id={id} onChanged={onChanged} />}
    </Drawer>
  );
}

function Loader({ id, onChanged }: { id: number; onChanged(): void }) {
  const { state, reload, setData } = useContractQuery('orders.get', { id });
  return (
    <ScreenState state={state} onRetry={reload}>
      {(order) => (
        <Detail
          order={order}
          onChanged={(o) => {
            setData(o);
            onChanged();
          }}
        />
      )}
    </ScreenState>
  );
}

function Detail({ order, onChanged }: { order: OrderDetail; onChanged(o: OrderDetail): void }) {
  const { t, i18n } = useTranslation();
  const [carrier, setCarrier] = useState('Correios');
  const [tracking, setTracking] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const [refund, setRefund] = useState<number | string>('');
  const money = (minor: number) => formatMoney(minor, order.currency, i18n.language);
  const refundMinor = toMinorUnits(refund, order.currency);

  // Each change hands the new order to the drawer; on a failure what was typed stays in its field, with the reason in words.
  const changeStatus = useContractAction('orders.changeStatus', { onSuccess: onChanged, success: t('orders.statusChanged') });
  const ship = useContractAction('orders.addShipment', {
    onSuccess: (o) => {
      onChanged(o);
      setTracking('');
    },
    success: t('orders.shipmentAdded'),
  });
  const deliver = useContractAction('orders.markDelivered', { onSuccess: onChanged, success: t('orders.delivered') });
  const refunding = useContractAction('orders.refund', {
    onSuccess: (o) => {
      onChanged(o);
      setRefund('');
    },
    success: t('orders.refunded'),
  });
  const cancelling = useContractAction('orders.cancel', { onSuccess: onChanged, success: t('orders.cancelled') });
  const anyBusy = changeStatus.busy || ship.busy || deliver.busy || refunding.busy || cancelling.busy;

  return (
    <Stack>
      <Group>
        <Title order={3}>#{order.number}</Title>
        <Badge color={ORDER_STATUS_COLORS[order.status]} data-testid="order-status">
          {t(`orders.statuses.${order.status}`)}
        </Badge>
      </Group>
      <Text>
        {order.customerName} · {order.phoneE164 ? formatPhone(order.phoneE164) : t('orders.noPhone')} · {money(order.totalMinor)}
      </Text>
      {order.cancelReason && <Text c="red">{t('orders.cancelledBecause', { reason: order.cancelReason })}</Text>}
      {!order.editable && <Alert color="yellow">{t('orders.notEditable')}</Alert>}
      {order.editable && (
        <>
          <Paper withBorder p="md">
            <Group align="flex-end">
              <Select
                label={t('orders.changeStatus')}
                data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
                value={order.status}
                allowDeselect={false}
                data-testid="change-status"
                onChange={(v) => v && v !== order.status && void changeStatus.run({ id: order.id, status: v as OrderStatus })}
                disabled={anyBusy}
              />
            </Group>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text fw={600}>{t('orders.addShipment')}</Text>
              <Group align="flex-end">
                <TextInput label={t('orders.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} w={160} data-testid="ship-carrier" />
                <TextInput label={t('orders.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} placeholder="QR123456789BR" w={200} data-testid="ship-tracking" />
                <Button
                  loading={ship.busy}
                  disabled={!carrier.trim() || !tracking.trim()}
                  data-testid="add-shipment"
                  onClick={() => void ship.run({ id: order.id, carrier, trackingNumber: tracking })}
                >
                  {t('orders.add')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </>
      )}
      {order.shipments.length > 0 && (
        <Table data-testid="shipments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.carrier')}</Table.Th>
              <Table.Th>{t('orders.tracking')}</Table.Th>
              <Table.Th>{t('orders.deliveredAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.shipments.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.carrier}</Table.Td>
                <Table.Td>{s.trackingNumber}</Table.Td>
                <Table.Td>
                  {s.deliveredAt ? (
                    formatDateTime(s.deliveredAt, i18n.language)
                  ) : order.editable ? (
                    <Button size="compact-sm" variant="light" loading={deliver.running?.[0].shipmentId === s.id} onClick={() => void deliver.run({ id: order.id, shipmentId: s.id })} data-testid="mark-delivered">
                      {t('orders.markDelivered')}
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {order.editable && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group align="flex-end">
              <MoneyInput label={t('orders.refundAmount', { left: money(order.totalMinor - order.refundedMinor) })} currency={order.currency} value={refund} onChange={setRefund} w={260} data-testid="refund-amount" />
              <Button
                variant="light"
                color="orange"
                loading={refunding.busy}
                disabled={refundMinor === null || refundMinor <= 0}
                data-testid="refund"
                onClick={() => refundMinor !== null && void refunding.run({ id: order.id, amountMinor: refundMinor })}
              >
                {t('orders.refund')}
              </Button>
            </Group>
            {order.status !== 'cancelled' && (
              <Group align="flex-end">
                <TextInput label={t('orders.cancelReason')} value={cancelReason} onChange={(e) => setCancelReason(e.currentTarget.value)} style={{ flex: 1 }} data-testid="cancel-reason" />
                <Button color="red" variant="light" loading={cancelling.busy} disabled={!cancelReason.trim()} data-testid="cancel-order" onClick={() => void cancelling.run({ id: order.id, reason: cancelReason })}>
                  {t('orders.cancel')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <Title order={4}>{t('orders.events')}</Title>
      <Table data-testid="order-events">
        <Table.Tbody>
          {order.events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{t(`log.type.${e.event}`)}</Table.Td>
              <Table.Td>{formatDateTime(e.occurredAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
