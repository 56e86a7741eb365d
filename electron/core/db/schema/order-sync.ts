import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Where each polled order source left off (its own cursor format, e.g. WooCommerce's GMT date). */
export const orderSyncState = sqliteTable('order_sync_state', {
  source: text('source').primaryKey(),
  cursor: text('cursor'),
  syncedAt: integer('synced_at').notNull(),
});

/** Event ids the signed order endpoint accepted: a replayed id is refused. */
export const orderEndpointReceipts = sqliteTable(
  'order_endpoint_receipts',
  {
    eventId: text('event_id').primaryKey(),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [index('order_endpoint_receipts_received_idx').on(table.receivedAt)],
);
