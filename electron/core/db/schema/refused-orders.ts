import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { OrderSourceKind } from '../../../../shared/domain/order';

/**
 * Orders a source sent that failed the order schema (shared/domain/order-schema.ts): one row per
 * `(source, external id)`, with the latest reasons, so the owner sees them on the Orders screen
 * and can fix them at the source. Cleared when the same order later passes; the owner may dismiss.
 */
export const refusedOrders = sqliteTable(
  'refused_orders',
  {
    source: text('source').$type<OrderSourceKind>().notNull(),
    externalId: text('external_id').notNull(),
    /** The order number the source showed, when it could be read (else null). */
    number: text('number'),
    /** JSON `{ path, key }[]`: the field and the `validation.*` key of each problem. */
    issues: text('issues').notNull(),
    /** JSON `{ path, value }[]`: the offending values, each cut short; never secrets. */
    excerpt: text('excerpt').notNull(),
    firstSeenAt: integer('first_seen_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** How many times the source sent it while it stayed refused. */
    times: integer('times').notNull(),
  },
  (table) => [primaryKey({ columns: [table.source, table.externalId] }), index('refused_orders_last_seen_idx').on(table.lastSeenAt)],
);

export type RefusedOrderRow = typeof refusedOrders.$inferSelect;
