import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per customer who wrote to the shop's number (key: Meta's wa_id). `lastInboundAt` opens
 * the 24-hour customer-service window the dispatcher checks before sending free text; the
 * marketing preference comes from `user_preferences` webhooks (stop/resume).
 */
export const inboundContacts = sqliteTable('inbound_contacts', {
  waId: text('wa_id').primaryKey(),
  profileName: text('profile_name'),
  /** Meta's timestamp (ms) of the newest message received; never moves backwards. */
  lastInboundAt: integer('last_inbound_at'),
  lastInboundWamid: text('last_inbound_wamid'),
  /** `stop` or `resume` (marketing messages), with Meta's time (ms). */
  marketingPreference: text('marketing_preference'),
  marketingPreferenceAt: integer('marketing_preference_at'),
  updatedAt: integer('updated_at').notNull(),
});

export type InboundContactRow = typeof inboundContacts.$inferSelect;
