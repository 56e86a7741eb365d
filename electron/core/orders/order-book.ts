import { and, asc, count, desc, eq, gt, inArray, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Order, OrderSourceKind, OrderStatus, Refund, Shipment } from '../../../shared/domain/order';
import { normalizeBrazilianPhone } from '../../../shared/domain/phone';
import type { AppDatabase } from '../db/open-database';
import { orderRefunds, orders, orderShipments, type OrderRow } from '../db/schema';
import { recordEvents, type RecordedEvent } from './event-ledger';
import { clearRefusal } from './refused-orders';

/** An order as the book stores it: the domain order plus its row id and source details. */
export interface StoredOrder {
  id: number;
  order: Order;
  phoneE164: string | null;
  seenAt: number;
  sourceState: string | null;
}

export interface SaveResult {
  orderId: number;
  created: boolean;
  /** False when the state equals what was stored: nothing written, no event derived. */
  changed: boolean;
  /** Events recorded for the first time by this save (see `recordEvents`). */
  events: RecordedEvent[];
  /** The order had been refused before (refused_orders); now that it passed, that entry is gone. */
  refusalCleared: boolean;
}

type ShipmentRow = typeof orderShipments.$inferSelect;
type RefundRow = typeof orderRefunds.$inferSelect;

const toShipment = (s: ShipmentRow): Shipment => ({
  id: s.shipmentKey,
  carrier: s.carrier,
  trackingNumber: s.trackingNumber,
  trackingUrl: s.trackingUrl,
  shippedAt: s.shippedAt,
  deliveredAt: s.deliveredAt,
});
const toRefund = (r: RefundRow): Refund => ({ id: r.refundKey, amountMinor: r.amountMinor, at: r.at, reason: r.reason });

/** A stored order from its row and its shipment and refund rows (each in id order). */
function storedFrom(row: OrderRow, shipments: ShipmentRow[], refunds: RefundRow[]): StoredOrder {
  return {
    id: row.id,
    phoneE164: row.phoneE164,
    seenAt: row.seenAt,
    sourceState: row.sourceState,
    order: {
      source: row.source,
      externalId: row.externalId,
      number: row.number,
      customerName: row.customerName,
      phone: row.phone,
      totalMinor: row.totalMinor,
      currency: row.currency,
      status: row.status,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      shipments: shipments.map(toShipment),
      refunds: refunds.map(toRefund),
      cancelReason: row.cancelReason,
    },
  };
}

function toStored(db: AppDatabase, row: OrderRow): StoredOrder {
  const shipments = db.select().from(orderShipments).where(eq(orderShipments.orderId, row.id)).orderBy(orderShipments.id).all();
  const refunds = db.select().from(orderRefunds).where(eq(orderRefunds.orderId, row.id)).orderBy(orderRefunds.id).all();
  return storedFrom(row, shipments, refunds);
}

/**
 * Many orders of one source at once, by external id (those not stored are simply absent): three
 * queries per 500 ids instead of three per order, for imports that look up thousands.
 */
export function loadOrders(db: AppDatabase, source: OrderSourceKind, externalIds: readonly string[]): Map<string, StoredOrder> {
  const found = new Map<string, StoredOrder>();
  const unique = [...new Set(externalIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = db
      .select()
      .from(orders)
      .where(and(eq(orders.source, source), inArray(orders.externalId, unique.slice(i, i + 500))))
      .all();
    if (rows.length === 0) continue;
    const ids = rows.map((r) => r.id);
    const shipments = db.select().from(orderShipments).where(inArray(orderShipments.orderId, ids)).orderBy(orderShipments.id).all();
    const refunds = db.select().from(orderRefunds).where(inArray(orderRefunds.orderId, ids)).orderBy(orderRefunds.id).all();
    const byOrder = <T extends { orderId: number }>(list: T[]) => {
      const groups = new Map<number, T[]>();
      for (const item of list) {
        const group = groups.get(item.orderId);
        if (group) group.push(item);
        else groups.set(item.orderId, [item]);
      }
      return groups;
    };
    const shipmentsOf = byOrder(shipments);
    const refundsOf = byOrder(refunds);
    for (const row of rows) found.set(row.externalId, storedFrom(row, shipmentsOf.get(row.id) ?? [], refundsOf.get(row.id) ?? []));
  }
  return found;
}

export function loadOrder(db: AppDatabase, source: OrderSourceKind, externalId: string): StoredOrder | null {
  const row = db
    .select()
    .from(orders)
    .where(and(eq(orders.source, source), eq(orders.externalId, externalId)))
    .get();
  return row ? toStored(db, row) : null;
}

export function loadOrderById(db: AppDatabase, id: number): StoredOrder | null {
  const row = db.select().from(orders).where(eq(orders.id, id)).get();
  return row ? toStored(db, row) : null;
}

/** One source's orders updated after `since` (Unix ms), oldest first: what a local poll re-reads. */
export function changedOrderIdsSince(db: AppDatabase, source: OrderSourceKind, since: number): { id: number; updatedAt: number }[] {
  return db
    .select({ id: orders.id, updatedAt: orders.updatedAt })
    .from(orders)
    .where(and(eq(orders.source, source), gt(orders.updatedAt, since)))
    .orderBy(asc(orders.updatedAt))
    .all();
}

/** Same state, field by field (the JSON of two orders built by the same code is canonical). */
export function sameOrder(a: Order, b: Order): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stores the order's current state (shipments and refunds replaced by the given lists) and
 * records the events it implies, in one transaction. A state equal to the stored one writes
 * nothing. Never throws on duplicates: identity is `(source, externalId)`. The order must have
 * passed `parseOrder` (every source's door); an earlier refusal of the same order is cleared.
 */
export function saveOrder(db: AppDatabase, order: Order, now: number, sourceState: string | null = null): SaveResult {
  return db.$client.transaction((): SaveResult => {
    const existing = loadOrder(db, order.source, order.externalId);
    // A version that passed replaces a refused one, even when it equals what the book holds.
    const refusalCleared = clearRefusal(db, order.source, order.externalId);
    if (existing && sameOrder(existing.order, order) && existing.sourceState === sourceState) {
      return { orderId: existing.id, created: false, changed: false, events: [], refusalCleared };
    }
    const phone = normalizeBrazilianPhone(order.phone);
    const values = {
      source: order.source,
      externalId: order.externalId,
      number: order.number,
      customerName: order.customerName,
      phone: order.phone,
      phoneE164: phone.ok ? phone.e164 : null,
      totalMinor: order.totalMinor,
      currency: order.currency,
      status: order.status,
      cancelReason: order.cancelReason,
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
      seenAt: now,
      sourceState,
    };
    const row = db
      .insert(orders)
      .values(values)
      .onConflictDoUpdate({ target: [orders.source, orders.externalId], set: values })
      .returning({ id: orders.id })
      .get();
    const orderId = row.id;

    const shipmentKeys = order.shipments.map((s) => s.id);
    db.delete(orderShipments)
      .where(and(eq(orderShipments.orderId, orderId), notInArray(orderShipments.shipmentKey, shipmentKeys)))
      .run();
    for (const s of order.shipments) {
      const v = {
        orderId,
        shipmentKey: s.id,
        carrier: s.carrier,
        trackingNumber: s.trackingNumber,
        trackingUrl: s.trackingUrl,
        shippedAt: s.shippedAt,
        deliveredAt: s.deliveredAt,
      };
      db.insert(orderShipments).values(v).onConflictDoUpdate({ target: [orderShipments.orderId, orderShipments.shipmentKey], set: v }).run();
    }
    const refundKeys = order.refunds.map((r) => r.id);
    db.delete(orderRefunds)
      .where(and(eq(orderRefunds.orderId, orderId), notInArray(orderRefunds.refundKey, refundKeys)))
      .run();
    for (const r of order.refunds) {
      const v = { orderId, refundKey: r.id, amountMinor: r.amountMinor, at: r.at, reason: r.reason };
      db.insert(orderRefunds).values(v).onConflictDoUpdate({ target: [orderRefunds.orderId, orderRefunds.refundKey], set: v }).run();
    }
    return { orderId, created: !existing, changed: true, events: recordEvents(db, order, now), refusalCleared };
  })();
}

export interface ListOrdersQuery {
  page: number;
  pageSize: number;
  search?: string | undefined;
  status?: OrderStatus | undefined;
  source?: OrderSourceKind | undefined;
}

/**
 * One page of orders, newest change first. `search` matches the order number, the customer's
 * name, the phone (digits) or a tracking number, anywhere in the text.
 */
export function listOrders(db: AppDatabase, query: ListOrdersQuery): { rows: StoredOrder[]; total: number } {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(orders.status, query.status));
  if (query.source) filters.push(eq(orders.source, query.source));
  const search = query.search?.trim();
  if (search) {
    const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
    const pattern = `%${escaped}%`;
    const digits = search.replace(/\D/g, '');
    const tracked = db
      .select({ id: orderShipments.orderId })
      .from(orderShipments)
      .where(sql`${orderShipments.trackingNumber} LIKE ${pattern} ESCAPE '\\'`);
    const clauses: SQL[] = [
      sql`${orders.number} LIKE ${pattern} ESCAPE '\\'`,
      sql`${orders.customerName} LIKE ${pattern} ESCAPE '\\'`,
      inArray(orders.id, tracked),
    ];
    if (digits.length >= 4 && /^[\d\s()+\-.]+$/.test(search)) clauses.push(like(orders.phoneE164, `%${digits}%`));
    filters.push(or(...clauses) as SQL);
  }
  const where = filters.length > 0 ? and(...filters) : undefined;
  const total = db.select({ n: count() }).from(orders).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.updatedAt), desc(orders.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return { rows: rows.map((row) => toStored(db, row)), total };
}
