import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { NOTIFICATION_STATUSES } from '../../../../shared/domain/notification-status';

/**
 * How many notifications were created per UTC day, type and status: the Message Log's counters
 * and totals read a few thousand of these instead of counting a million rows. Kept exact by
 * triggers on `notifications` (drizzle/0005_log_counts.sql); never written by code.
 */
export const notificationDailyCounts = sqliteTable(
  'notification_daily_counts',
  {
    /** `created_at / 86_400_000` (UTC day number). */
    day: integer('day').notNull(),
    type: text('type', { enum: ORDER_EVENTS }).notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull(),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.type, table.status] }), index('notification_daily_counts_status_idx').on(table.status, table.day)],
);
