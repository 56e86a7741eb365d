import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { NOTIFICATION_STATUSES } from '../../../../shared/domain/notification-status';

/**
 * How many notifications exist per type and status, all time: the Message Log's totals and
 * counters without a date range read these few dozen rows, so they cost the same at 10 thousand
 * rows as at a million (the daily table grows with the days of history). Kept exact by triggers on
 * `notifications` (drizzle/0009_log_totals.sql); never written by code.
 */
export const notificationTotals = sqliteTable(
  'notification_totals',
  {
    type: text('type', { enum: ORDER_EVENTS }).notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull(),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.type, table.status] })],
);
