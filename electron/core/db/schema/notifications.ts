import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { NOTIFICATION_STATUSES } from '../../../../shared/domain/notification-status';

/**
 * One WhatsApp notification about one order event: a row of the Message Log. Times are Unix
 * milliseconds. Each index below serves one of the log's filters (status, type, date range,
 * order number, phone), always with the date for sorting.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderNumber: text('order_number').notNull(),
    phone: text('phone').notNull(),
    type: text('type', { enum: ORDER_EVENTS }).notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('queued'),
    tracking: text('tracking'),
    sentAt: integer('sent_at'),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('notifications_created_idx').on(table.createdAt),
    index('notifications_status_created_idx').on(table.status, table.createdAt),
    index('notifications_type_created_idx').on(table.type, table.createdAt),
    index('notifications_order_idx').on(table.orderNumber),
    index('notifications_phone_idx').on(table.phone),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;
