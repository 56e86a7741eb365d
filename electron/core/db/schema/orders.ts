import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORDER_SOURCES, ORDER_STATUSES } from '../../../../shared/domain/order';

/**
 * The order book: the last seen state of every order, whatever its source (typed in the local
 * book, imported from CSV, mirrored from WooCommerce, pushed by the signed endpoint). Events are
 * derived from this state (see electron/core/orders/derive-events.ts). Times are Unix ms; money
 * is in minor units.
 */
export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: ORDER_SOURCES }).notNull(),
    externalId: text('external_id').notNull(),
    number: text('number').notNull(),
    customerName: text('customer_name').notNull(),
    /** As the source gave it. */
    phone: text('phone'),
    /** Normalized (shared/domain/phone.ts); null when missing or invalid. */
    phoneE164: text('phone_e164'),
    totalMinor: integer('total_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    cancelReason: text('cancel_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** When Recado last wrote this row. */
    seenAt: integer('seen_at').notNull(),
    /** Source-specific details kept for the next diff (e.g. WooCommerce's own status slug), JSON. */
    sourceState: text('source_state'),
  },
  (table) => [
    uniqueIndex('orders_source_external_unique').on(table.source, table.externalId),
    index('orders_updated_idx').on(table.updatedAt),
    index('orders_number_idx').on(table.number),
    index('orders_phone_idx').on(table.phoneE164),
  ],
);

export const orderShipments = sqliteTable(
  'order_shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** `Shipment.id`: stable within the order. */
    shipmentKey: text('shipment_key').notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    shippedAt: integer('shipped_at'),
    deliveredAt: integer('delivered_at'),
  },
  (table) => [uniqueIndex('order_shipments_key_unique').on(table.orderId, table.shipmentKey)],
);

export const orderRefunds = sqliteTable(
  'order_refunds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** `Refund.id`: stable within the order. */
    refundKey: text('refund_key').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    at: integer('at').notNull(),
    reason: text('reason'),
  },
  (table) => [uniqueIndex('order_refunds_key_unique').on(table.orderId, table.refundKey)],
);

export type OrderRow = typeof orders.$inferSelect;
export type ShipmentRow = typeof orderShipments.$inferSelect;
export type RefundRow = typeof orderRefunds.$inferSelect;
