import { eq, inArray, sql } from 'drizzle-orm';
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
  return {
    /** Keeps the newest message time; an older (late, retried) message never moves it back. */
    recordInbound(input: { waId: string; at: number; wamid: string; profileName?: string | undefined }, now: number): void {
      db.insert(inboundContacts)
        .values({
          waId: input.waId,
          profileName: input.profileName ?? null,
          lastInboundAt: input.at,
          lastInboundWamid: input.wamid,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: inboundContacts.waId,
          set: {
            profileName: sql`coalesce(${input.profileName ?? null}, ${inboundContacts.profileName})`,
            lastInboundWamid: sql`case when ${inboundContacts.lastInboundAt} is null or ${input.at} > ${inboundContacts.lastInboundAt} then ${input.wamid} else ${inboundContacts.lastInboundWamid} end`,
            lastInboundAt: sql`max(coalesce(${inboundContacts.lastInboundAt}, 0), ${input.at})`,
            updatedAt: now,
          },
        })
        .run();
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
      const waIds = phoneVariants(phone).map((p) => p.slice(1));
      const rows = db.select().from(inboundContacts).where(inArray(inboundContacts.waId, waIds)).all();
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
      const waIds = phoneVariants(phone).map((p) => p.slice(1));
      const rows = db.select().from(inboundContacts).where(inArray(inboundContacts.waId, waIds)).all();
      return rows.some((r) => r.marketingPreference === 'stop');
    },
  };
}

export type InboundContactsRepository = ReturnType<typeof createInboundContactsRepository>;
