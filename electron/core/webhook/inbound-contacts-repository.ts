import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { inboundContacts, type InboundContactRow } from '../db/schema';
import { phoneVariants } from '../blacklist/phone-variants';

/** Meta's customer-service window: free text is allowed this long after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Customers who wrote in, by wa_id. The webhook records; the dispatcher asks `lastInboundAt`
 * before choosing free text over a template.
 */
export function createInboundContactsRepository(db: AppDatabase) {
  // Prepared once: every customer message runs it (and the dispatcher asks before each text).
  const upsertInbound = db.$client.prepare<{ waId: string; profileName: string | null; at: number; wamid: string; now: number }>(
    `INSERT INTO inbound_contacts (wa_id, profile_name, last_inbound_at, last_inbound_wamid, updated_at)
     VALUES (@waId, @profileName, @at, @wamid, @now)
     ON CONFLICT (wa_id) DO UPDATE SET
       profile_name = coalesce(@profileName, profile_name),
       last_inbound_wamid = CASE WHEN last_inbound_at IS NULL OR @at > last_inbound_at THEN @wamid ELSE last_inbound_wamid END,
       last_inbound_at = max(coalesce(last_inbound_at, 0), @at),
       updated_at = @now`,
  );
  const byWaIds = db.select().from(inboundContacts).where(sql`${inboundContacts.waId} IN (SELECT value FROM json_each(${sql.placeholder('waIds')}))`).prepare();
  const contactsOf = (phone: string) => byWaIds.all({ waIds: JSON.stringify(phoneVariants(phone).map((p) => p.slice(1))) });
  return {
    /** Keeps the newest message time; an older (late, retried) message never moves it back. */
    recordInbound(input: { waId: string; at: number; wamid: string; profileName?: string | undefined }, now: number): void {
      upsertInbound.run({ waId: input.waId, profileName: input.profileName ?? null, at: input.at, wamid: input.wamid, now });
    },

    /** `user_preferences` stop/resume for marketing messages; the newest by Meta's time wins. */
    recordMarketingPreference(input: { waId: string; value: string; at: number }, now: number): void {
      const current = this.get(input.waId);
      if (current?.marketingPreferenceAt != null && current.marketingPreferenceAt > input.at) return;
      db.insert(inboundContacts)
        .values({ waId: input.waId, marketingPreference: input.value, marketingPreferenceAt: input.at, updatedAt: now })
        .onConflictDoUpdate({
          target: inboundContacts.waId,
          set: { marketingPreference: input.value, marketingPreferenceAt: input.at, updatedAt: now },
        })
        .run();
    },

    get(waId: string): InboundContactRow | undefined {
      return db.select().from(inboundContacts).where(eq(inboundContacts.waId, waId)).get();
    },

    /** Newest inbound time (ms) for an E.164 phone, across its wa_id forms; null if never. */
    lastInboundAt(phone: string): number | null {
      const rows = contactsOf(phone);
      const times = rows.map((r) => r.lastInboundAt).filter((t): t is number => t !== null);
      return times.length > 0 ? Math.max(...times) : null;
    },

    /** True while free text may be sent to this phone. */
    isInServiceWindow(phone: string, now: number): boolean {
      const last = this.lastInboundAt(phone);
      return last !== null && now - last < SERVICE_WINDOW_MS;
    },

    /** True when the customer stopped marketing messages (`user_preferences` stop, no resume since). */
    stoppedMarketing(phone: string): boolean {
      return contactsOf(phone).some((r) => r.marketingPreference === 'stop');
    },
  };
}

export type InboundContactsRepository = ReturnType<typeof createInboundContactsRepository>;
