import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    /** Meta's message id from the send response; how status webhooks find the row. */
    wamid: text('wamid'),
    /** The recipient as Meta names it (digits, no `+`); may differ from `phone` (Brazil's 9th digit). */
    waId: text('wa_id'),
    /**
     * What the dispatcher sent as `biz_opaque_callback_data` (committed before the request leaves),
     * so a status can be matched even when the crash came before the wamid was stored.
     */
    bizOpaqueId: text('biz_opaque_id'),
    /** Meta's time (ms) of each status, as reported in the webhook. */
    deliveredAt: integer('delivered_at'),
    readAt: integer('read_at'),
    failedAt: integer('failed_at'),
    /** Meta's time (ms) of the status the row shows now; orders late and duplicate webhooks. */
    statusAt: integer('status_at'),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    errorDetails: text('error_details'),
    /** Pricing from the status webhooks, for the cost view (`billable` is being deprecated by Meta). */
    pricingCategory: text('pricing_category'),
    pricingBillable: integer('pricing_billable', { mode: 'boolean' }),
    pricingModel: text('pricing_model'),
    pricingType: text('pricing_type'),
  },
  (table) => [
    index('notifications_created_idx').on(table.createdAt),
    index('notifications_status_created_idx').on(table.status, table.createdAt),
    index('notifications_type_created_idx').on(table.type, table.createdAt),
    // Status and type together (the log's two dropdowns), still in date order.
    index('notifications_status_type_created_idx').on(table.status, table.type, table.createdAt),
    index('notifications_order_idx').on(table.orderNumber),
    index('notifications_phone_idx').on(table.phone),
    uniqueIndex('notifications_wamid_unique').on(table.wamid),
    index('notifications_biz_opaque_idx').on(table.bizOpaqueId),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;
