import { and, asc, eq, gt } from 'drizzle-orm';
import type { Order, OrderSourceKind } from '../../../shared/domain/order';
import type { OrderEvent } from '../../../shared/domain/order-events';
import type { AppDatabase } from '../db/open-database';
import { orderEvents, orders, type OrderEventRow } from '../db/schema';
import { deriveEvents, supersededAmong } from './derive-events';

/** A row of the `order_events` ledger, as the dispatcher reads it. */
export interface RecordedEvent {
  /** Monotonic: the dispatcher can remember the last id it enqueued. */
  id: number;
  orderId: number | null;
  source: OrderSourceKind;
  externalId: string;
  orderNumber: string;
  event: OrderEvent;
  subId: string;
  occurredAt: number;
  recordedAt: number;
  /** Non-null: a later stage was first seen at the same time; notifying this one would be stale. */
  supersededBy: OrderEvent | null;
}

const toRecorded = (row: OrderEventRow): RecordedEvent => ({
  id: row.id,
  orderId: row.orderId,
  source: row.source,
  externalId: row.externalId,
  orderNumber: row.orderNumber,
  event: row.event,
  subId: row.subId,
  occurredAt: row.occurredAt,
  recordedAt: row.recordedAt,
  supersededBy: row.supersededBy,
});

/**
 * Derives the events the order's state implies and records the ones never seen before, each
 * identified by `(source, externalId, event, subId)`. Returns ONLY the newly recorded events:
 * calling it again with the same (or an older) state returns `[]`, forever. Safe to call from
 * the poller, the webhooks and the contract methods at once: the unique index decides, with
 * `INSERT … ON CONFLICT DO NOTHING`, inside one transaction.
 */
export function recordEvents(db: AppDatabase, order: Order, now: number): RecordedEvent[] {
  return db.$client.transaction(() => {
    const orderRow = db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.source, order.source), eq(orders.externalId, order.externalId)))
      .get();
    const known = new Set(
      db
        .select({ event: orderEvents.event, subId: orderEvents.subId })
        .from(orderEvents)
        .where(and(eq(orderEvents.source, order.source), eq(orderEvents.externalId, order.externalId)))
        .all()
        .map((e) => `${e.event}\u0000${e.subId}`),
    );
    const fresh = deriveEvents(order).filter((e) => !known.has(`${e.event}\u0000${e.subId}`));
    const superseded = supersededAmong(fresh);
    const recorded: RecordedEvent[] = [];
    for (const e of fresh) {
      const row = db
        .insert(orderEvents)
        .values({
          orderId: orderRow?.id ?? null,
          source: order.source,
          externalId: order.externalId,
          event: e.event,
          subId: e.subId,
          orderNumber: order.number,
          occurredAt: e.occurredAt,
          recordedAt: now,
          supersededBy: superseded.get(e) ?? null,
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (row) recorded.push(toRecorded(row));
    }
    return recorded;
  })();
}

/** Ledger rows with `id > afterId`, oldest first: the dispatcher's reading loop. */
export function listEventsAfter(db: AppDatabase, afterId: number, limit = 500): RecordedEvent[] {
  return db.select().from(orderEvents).where(gt(orderEvents.id, afterId)).orderBy(asc(orderEvents.id)).limit(limit).all().map(toRecorded);
}

/** Every recorded event of one order, oldest first (the order detail screen). */
export function eventsOfOrder(db: AppDatabase, source: OrderSourceKind, externalId: string): RecordedEvent[] {
  return db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.source, source), eq(orderEvents.externalId, externalId)))
    .orderBy(asc(orderEvents.id))
    .all()
    .map(toRecorded);
}
