import type { Order } from '../../../shared/domain/order';
import type { OrderEvent } from '../../../shared/domain/order-events';

/** One event an order's state implies, with its identity inside the order. */
export interface DerivedEvent {
  event: OrderEvent;
  /** Shipment id, refund id, or '' for order-level events. */
  subId: string;
  occurredAt: number;
}

/**
 * Every event the order's CURRENT state implies. It is a pure function of the state, not of
 * transitions: platforms never say "changed from X to Y" (WooCommerce, Shopify and Nuvemshop orders carry only their current status), so the
 * ledger (`recordEvents`) keeps what was already seen and only new identities fire.
 *
 * - order_placed: the order exists and is not cancelled/refunded at first sight.
 * - order_processing: status processing or completed, or any shipment exists (paid and moving).
 * - shipment_created: one per shipment.   - shipment_delivered: one per delivered shipment.
 * - order_cancelled: status cancelled.   - refund_issued: one per refund; a `refunded` order
 *   with no refund entry gets one synthetic full refund (`subId` 'full').
 */
export function deriveEvents(order: Order): DerivedEvent[] {
  const out: DerivedEvent[] = [];
  const closed = order.status === 'cancelled' || order.status === 'refunded';
  if (!closed) out.push({ event: 'order_placed', subId: '', occurredAt: order.createdAt });
  if (order.status === 'processing' || order.status === 'completed' || (!closed && order.shipments.length > 0)) {
    out.push({ event: 'order_processing', subId: '', occurredAt: order.updatedAt });
  }
  for (const shipment of order.shipments) {
    out.push({ event: 'shipment_created', subId: shipment.id, occurredAt: shipment.shippedAt ?? order.updatedAt });
    if (shipment.deliveredAt !== null) {
      out.push({ event: 'shipment_delivered', subId: shipment.id, occurredAt: shipment.deliveredAt });
    }
  }
  if (order.status === 'cancelled') out.push({ event: 'order_cancelled', subId: '', occurredAt: order.updatedAt });
  for (const refund of order.refunds) out.push({ event: 'refund_issued', subId: refund.id, occurredAt: refund.at });
  if (order.status === 'refunded' && order.refunds.length === 0) {
    out.push({ event: 'refund_issued', subId: 'full', occurredAt: order.updatedAt });
  }
  return out;
}

const STAGE: Record<OrderEvent, number> = {
  order_placed: 0,
  order_processing: 1,
  shipment_created: 2,
  shipment_delivered: 3,
  order_cancelled: 4,
  refund_issued: 4,
};

/**
 * Among events first seen together, which earlier-stage ones a later one makes stale: an order
 * first seen already shipped should not also announce "placed" and "paid" now. Placed and
 * processing yield to any later stage; a shipment's "created" yields to its own "delivered".
 * Cancellations and refunds are never superseded. Returns event → the event that superseded it.
 */
export function supersededAmong(fresh: readonly DerivedEvent[]): Map<DerivedEvent, OrderEvent> {
  const result = new Map<DerivedEvent, OrderEvent>();
  const latest = fresh.reduce<DerivedEvent | null>((best, e) => (best === null || STAGE[e.event] > STAGE[best.event] ? e : best), null);
  for (const e of fresh) {
    if ((e.event === 'order_placed' || e.event === 'order_processing') && latest && STAGE[latest.event] > STAGE[e.event]) {
      result.set(e, latest.event);
    }
    if (e.event === 'shipment_created' && fresh.some((d) => d.event === 'shipment_delivered' && d.subId === e.subId)) {
      result.set(e, 'shipment_delivered');
    }
  }
  return result;
}
