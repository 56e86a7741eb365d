import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Small facts the app remembers across restarts that are not settings (the user never edits
 * them): when Meta last verified the webhook, the last callback, this install's id.
 */
export const appState = sqliteTable('app_state', {
  key: text('key').primaryKey(),
  /** JSON. */
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
