import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { NOTIFICATION_STATUSES } from '../../../../shared/domain/notification-status';

/**
 * When a queued row falls due: its retry time, else when it was queued. Written without a comma
 * (drizzle-kit 0.31 splits an index expression at commas); the queue orders by this same text so
 * SQLite walks `notifications_due_idx`.
 */
export const DUE_AT_SQL = 'CASE WHEN next_attempt_at IS NULL THEN created_at ELSE next_attempt_at END';

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
    /**
     * The dispatcher's queue (see electron/core/dispatcher/README.md). The ledger row this
     * notification is about: UNIQUE, so an event is enqueued once even across a crash. Null for
     * a resend (`resendOf` names the original) and for rows written by older versions.
     */
    orderEventId: integer('order_event_id').unique(),
    /** Set on a row created by `dispatch.resend`: the failed/unconfirmed notification it repeats. */
    resendOf: integer('resend_of'),
    orderId: integer('order_id'),
    source: text('source'),
    /** Shipment id or refund id of the event ('' for order-level events). */
    subId: text('sub_id'),
    /** What was (or is being) sent, written with the `sending` commit: 'template' or 'text'. */
    contentKind: text('content_kind', { enum: ['template', 'text'] }),
    templateName: text('template_name'),
    templateLanguage: text('template_language'),
    /** The template's send `components` as JSON (header/body/button parameters). */
    templateParamsJson: text('template_params_json'),
    /** The plain text sent inside the 24-hour window. */
    textBody: text('text_body'),
    /** Send attempts made (retries with backoff count here). */
    attempts: integer('attempts').notNull().default(0),
    /** A queued row is not sent before this time (ms): backoff, per-recipient waits. */
    nextAttemptAt: integer('next_attempt_at'),
    /** When the last request for this row left (ms): the pair limit and crash analysis. */
    lastAttemptAt: integer('last_attempt_at'),
    /** Stable key of why the row is skipped/failed/unconfirmed/waiting (`DispatchReason`, shared/domain/dispatch-reasons.ts). */
    reason: text('reason'),
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
    index('notifications_queue_idx').on(table.status, table.nextAttemptAt),
    // The dispatcher's order (retries by their due time, oldest first): a batch walks this index and
    // stops at its LIMIT instead of sorting every queued row (100k queued rows took seconds).
    index('notifications_due_idx').on(table.status, sql.raw(DUE_AT_SQL), table.id),
    // The same order within one event: while an event is held (its template became MARKETING) the
    // pick walks each sendable event's slice instead of stepping over the held event's rows.
    index('notifications_type_due_idx').on(table.status, table.type, sql.raw(DUE_AT_SQL), table.id),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;
