import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BLACKLIST_SOURCES } from '../../../../shared/domain/notification-status';

/** Numbers that never get a message: added automatically on permanent errors, or by hand. */
export const blacklist = sqliteTable(
  'blacklist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** E.164, e.g. `+5511955551234`; unique so adding twice is a no-op. */
    phone: text('phone').notNull().unique(),
    reason: text('reason').notNull(),
    addedAt: integer('added_at').notNull(),
    source: text('source', { enum: BLACKLIST_SOURCES }).notNull(),
  },
  (table) => [index('blacklist_added_idx').on(table.addedAt)],
);

export type BlacklistRow = typeof blacklist.$inferSelect;
