import { refundedMinor, type Order } from '../../../shared/domain/order';
import { parseOrder } from '../../../shared/domain/order-schema';
import { AppError } from '../contract/app-error';
import type { GroupHandlers } from '../contract/handlers';
import type { ordersMethods } from '../../../shared/contract/methods/orders';
import type { CoreContext } from '../core-context';
import { listOrders, loadOrder, loadOrderById, saveOrder, type StoredOrder } from './order-book';
import { EDITABLE_SOURCES, toOrderDetail, toOrderView } from './order-views';
import { announceRefused, clearRefusal, countRefused, listRefused } from './refused-orders';

/**
 * The book's own door: the changed order must pass the same schema as every source's. Its
 * issues point at the form's fields (`shipments.2.trackingNumber` → `trackingNumber`).
 */
function checked(order: Order): Order {
  const result = parseOrder(order);
  if (result.ok) return result.order;
  const issues = result.refusal.issues.map(({ path, key }) => ({ path: path.replace(/^(shipments|refunds)\.\d+\./, ''), key, params: {} }));
  throw new AppError('validation', 'The order does not pass the order schema', { issues });
}

/** The local order book through the contract. Every change records its events at once. */
export function ordersHandlers(ctx: CoreContext): GroupHandlers<typeof ordersMethods> {
  const { db, clock } = ctx;

  const find = (id: number): StoredOrder => {
    const stored = loadOrderById(db, id);
    if (!stored) throw new AppError('not_found', `No order ${id}`, { key: 'orders.notFound' });
    return stored;
  };
  /** Applies a change to an editable order, saves it (recording events) and answers its detail. */
  const change = (id: number, edit: (order: Order, now: number) => Order) => {
    const stored = find(id);
    if (!EDITABLE_SOURCES.has(stored.order.source)) {
      throw new AppError('conflict', 'This order is managed by its source', { key: 'orders.notEditable', source: stored.order.source });
    }
    const now = clock.now();
    const next = edit(structuredClone(stored.order), now);
    next.updatedAt = now;
    saveOrder(db, checked(next), now, stored.sourceState);
    return toOrderDetail(db, find(id));
  };

  return {
    'orders.listRefused': () => listRefused(db),
    'orders.dismissRefused': ({ source, externalId }) => {
      const dismissed = clearRefusal(db, source, externalId);
      if (dismissed) announceRefused(db, ctx.events);
      return { dismissed, total: countRefused(db) };
    },
    'orders.list': (query) => {
      const { rows, total } = listOrders(db, query);
      return { rows: rows.map(toOrderView), total, page: query.page, pageSize: query.pageSize };
    },
    'orders.get': ({ id }) => toOrderDetail(db, find(id)),
    'orders.create': (input) => {
      if (loadOrder(db, 'local', input.number)) {
        throw new AppError('conflict', `Order ${input.number} already exists`, { key: 'orders.numberTaken', number: input.number });
      }
      const now = clock.now();
      const order: Order = {
        source: 'local',
        externalId: input.number,
        number: input.number,
        customerName: input.customerName,
        phone: input.phone === '' ? null : input.phone,
        totalMinor: input.totalMinor,
        currency: input.currency,
        status: input.status,
        createdAt: input.createdAt ?? now,
        updatedAt: now,
        shipments: [],
        refunds: [],
        cancelReason: null,
      };
      const saved = saveOrder(db, checked(order), now);
      return toOrderDetail(db, find(saved.orderId));
    },
    'orders.changeStatus': ({ id, status }) =>
      change(id, (order) => {
        order.status = status;
        if (status !== 'cancelled') order.cancelReason = null;
        return order;
      }),
    'orders.addShipment': ({ id, carrier, trackingNumber, trackingUrl, shippedAt }) =>
      change(id, (order, now) => {
        if (order.shipments.some((s) => s.trackingNumber === trackingNumber)) {
          throw new AppError('conflict', 'This tracking number is already on the order', { key: 'orders.trackingTaken' });
        }
        order.shipments.push({ id: trackingNumber, carrier, trackingNumber, trackingUrl: trackingUrl ?? null, shippedAt: shippedAt ?? now, deliveredAt: null });
        if (order.status === 'pending') order.status = 'processing';
        return order;
      }),
    'orders.markDelivered': ({ id, shipmentId, deliveredAt }) =>
      change(id, (order, now) => {
        const shipment = order.shipments.find((s) => s.id === shipmentId);
        if (!shipment) throw new AppError('not_found', 'No such shipment', { key: 'orders.shipmentNotFound' });
        shipment.deliveredAt ??= deliveredAt ?? now;
        if (order.shipments.every((s) => s.deliveredAt !== null) && order.status === 'processing') order.status = 'completed';
        return order;
      }),
    'orders.cancel': ({ id, reason }) =>
      change(id, (order) => {
        order.status = 'cancelled';
        order.cancelReason = reason;
        return order;
      }),
    'orders.refund': ({ id, amountMinor, reason, at }) =>
      change(id, (order, now) => {
        const refunded = refundedMinor(order);
        if (refunded + amountMinor > order.totalMinor) {
          throw new AppError('conflict', 'Refund exceeds what is left', { key: 'orders.refundTooLarge', left: order.totalMinor - refunded });
        }
        order.refunds.push({ id: `r${order.refunds.length + 1}`, amountMinor, at: at ?? now, reason: reason ?? null });
        if (refunded + amountMinor === order.totalMinor) order.status = 'refunded';
        return order;
      }),
  };
}
