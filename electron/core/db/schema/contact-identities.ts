import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per business-scoped user ID (BSUID, Meta's `user_id`, e.g. `BR.13491208655302741918`)
 * Recado has seen, with the phone it was seen with when Meta gave both (status webhooks of
 * messages sent by phone carry `recipient_id` + `recipient_user_id`; inbound messages carry
 * `wa_id` only when Meta has the phone). A `user_changed_user_id` system message moves the row to
 * the new BSUID, keeping the phone. Opt-outs and the blacklist match a customer through it.
 */
export const contactIdentities = sqliteTable(
  'contact_identities',
  {
    userId: text('user_id').primaryKey(),
    /** E.164 of Meta's wa_id (`+5511…`), null while Meta never gave the phone with this BSUID. */
    phone: text('phone'),
    /** Shared across a managed business's portfolios (`BR.ENT.…`), when enabled. */
    parentUserId: text('parent_user_id'),
    /** The customer's WhatsApp username (`profile.username`), newest seen; it can change. */
    username: text('username'),
    /** Meta's time (ms) of the newest message from this BSUID, null if it never wrote. */
    lastInboundAt: integer('last_inbound_at'),
    firstSeenAt: integer('first_seen_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('contact_identities_phone_idx').on(table.phone)],
);

export type ContactIdentityRow = typeof contactIdentities.$inferSelect;
