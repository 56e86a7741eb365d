import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every status webhook seen, once per (wamid, status): Meta retries and several subscribed apps
 * produce duplicates. A status whose wamid matches no notification yet is kept as an orphan with
 * its payload, and applied when the dispatcher stores that wamid (the webhook can beat the send
 * response).
 */
export const webhookStatusEvents = sqliteTable(
  'webhook_status_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wamid: text('wamid').notNull(),
    status: text('status').notNull(),
    /** Meta's timestamp, ms. */
    statusAt: integer('status_at').notNull(),
    recipientId: text('recipient_id'),
    notificationId: integer('notification_id'),
    /** applied | stale (older than what the row shows) | orphan (no notification yet). */
    outcome: text('outcome', { enum: ['applied', 'stale', 'orphan'] }).notNull(),
    errorCode: integer('error_code'),
    /** The status object as received (JSON), to apply orphans later. */
    payloadJson: text('payload_json').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [
    uniqueIndex('webhook_status_events_wamid_status_unique').on(table.wamid, table.status),
    index('webhook_status_events_outcome_idx').on(table.outcome),
    index('webhook_status_events_recipient_code_idx').on(table.recipientId, table.errorCode),
  ],
);

export type WebhookStatusEventRow = typeof webhookStatusEvents.$inferSelect;
