import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** `value.errors[]` of a webhook: problems of the account or app, not of one message. */
export const webhookAccountErrors = sqliteTable(
  'webhook_account_errors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wabaId: text('waba_id'),
    phoneNumberId: text('phone_number_id'),
    code: integer('code'),
    title: text('title'),
    message: text('message'),
    details: text('details'),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [index('webhook_account_errors_received_idx').on(table.receivedAt)],
);

export type WebhookAccountErrorRow = typeof webhookAccountErrors.$inferSelect;
