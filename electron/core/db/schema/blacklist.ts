import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BLACKLIST_MATCHES, BLACKLIST_SOURCES } from '../../../../shared/domain/notification-status';

/**
 * Customers who never get a message: added automatically on permanent errors and opt-outs, or by
 * hand. A row names the customer by phone, by BSUID (`user_id`), or both: an opt-out that came
 * with only a BSUID Recado never saw with a phone is kept by BSUID, and takes effect as soon as a
 * status webhook links that BSUID to a phone (the dispatcher's check goes through
 * `contact_identities`).
 */
export const blacklist = sqliteTable(
  'blacklist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** E.164, e.g. `+5511955551234`; unique so adding twice is a no-op. Null for a BSUID-only row. */
    phone: text('phone').unique(),
    /** Meta's business-scoped user ID when the entry came with one. */
    userId: text('user_id').unique(),
    /** The customer's WhatsApp username when known (shown, never matched on). */
    username: text('username'),
    /** Which identifier the entry was matched by when it was added (`phone` or `bsuid`). */
    matchedBy: text('matched_by', { enum: BLACKLIST_MATCHES }).notNull().default('phone'),
    reason: text('reason').notNull(),
    addedAt: integer('added_at').notNull(),
    source: text('source', { enum: BLACKLIST_SOURCES }).notNull(),
  },
  (table) => [index('blacklist_added_idx').on(table.addedAt)],
);

export type BlacklistRow = typeof blacklist.$inferSelect;
