import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { ORDER_SOURCES } from '../../../../shared/domain/order';
import { orders } from './orders';

/**
 * The event ledger: one row per order event that ever happened, identified by
 * `(source, external_id, event, sub_id)`. Rows are only ever inserted with
 * `ON CONFLICT DO NOTHING`, so an event fires once however often the order is seen. The
 * dispatcher reads new rows (by increasing `id`) to enqueue notifications.
 */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    source: text('source', { enum: ORDER_SOURCES }).notNull(),
    externalId: text('external_id').notNull(),
    event: text('event', { enum: ORDER_EVENTS }).notNull(),
    /** Shipment id for shipment events, refund id for refunds, '' for order-level events. */
    subId: text('sub_id').notNull().default(''),
    orderNumber: text('order_number').notNull(),
    /** Best known time the event happened in the source (shipped date, refund date…). */
    occurredAt: integer('occurred_at').notNull(),
    /** When Recado first saw it. */
    recordedAt: integer('recorded_at').notNull(),
    /**
     * Set when a later stage of the same order was first seen together with this one (an order
     * first seen already shipped): the event is recorded, but notifying it would be stale.
     */
    supersededBy: text('superseded_by', { enum: ORDER_EVENTS }),
  },
  (table) => [
    uniqueIndex('order_events_identity_unique').on(table.source, table.externalId, table.event, table.subId),
    index('order_events_order_idx').on(table.orderId),
    index('order_events_recorded_idx').on(table.recordedAt),
  ],
);

export type OrderEventRow = typeof orderEvents.$inferSelect;
