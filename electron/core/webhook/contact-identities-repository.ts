import type { AppDatabase } from '../db/open-database';
import type { ContactIdentityRow } from '../db/schema';
import { phoneVariants } from '../blacklist/phone-variants';

/** What one webhook says about a customer's identity (each field already validated). */
export interface IdentitySighting {
  /** The BSUID (`user_id`, `recipient_user_id`, `contacts[].user_id`). */
  userId: string;
  /** E.164 of the wa_id Meta gave with it, when it gave one. */
  phone?: string | null | undefined;
  parentUserId?: string | null | undefined;
  username?: string | null | undefined;
  /** Meta's time (ms) when this was an inbound message. */
  inboundAt?: number | undefined;
}

interface RawRow {
  user_id: string;
  phone: string | null;
  parent_user_id: string | null;
  username: string | null;
  last_inbound_at: number | null;
  first_seen_at: number;
  updated_at: number;
}

const toRow = (r: RawRow): ContactIdentityRow => ({
  userId: r.user_id,
  phone: r.phone,
  parentUserId: r.parent_user_id,
  username: r.username,
  lastInboundAt: r.last_inbound_at,
  firstSeenAt: r.first_seen_at,
  updatedAt: r.updated_at,
});

/**
 * Customers' business-scoped user IDs and the phones seen with them (`contact_identities`).
 * Statements are prepared once: every status webhook of a message sent by phone runs `see`.
 * An unchanged sighting writes nothing (the upsert's WHERE is false), so the hot path pays one
 * indexed lookup per status.
 */
export function createContactIdentitiesRepository(db: AppDatabase) {
  const client = db.$client;
  // A phone or username once known is never erased by a later webhook without it (Meta omits the
  // phone when it is not "available"; the username is omitted from `sent` statuses).
  const upsert = client.prepare<{ userId: string; phone: string | null; parent: string | null; username: string | null; inboundAt: number | null; now: number }>(
    `INSERT INTO contact_identities (user_id, phone, parent_user_id, username, last_inbound_at, first_seen_at, updated_at)
     VALUES (@userId, @phone, @parent, @username, @inboundAt, @now, @now)
     ON CONFLICT (user_id) DO UPDATE SET
       phone = coalesce(excluded.phone, phone),
       parent_user_id = coalesce(excluded.parent_user_id, parent_user_id),
       username = coalesce(excluded.username, username),
       last_inbound_at = max(coalesce(last_inbound_at, 0), coalesce(excluded.last_inbound_at, 0)) ,
       updated_at = excluded.updated_at
     WHERE excluded.phone IS NOT NULL AND phone IS NOT excluded.phone
        OR excluded.parent_user_id IS NOT NULL AND parent_user_id IS NOT excluded.parent_user_id
        OR excluded.username IS NOT NULL AND username IS NOT excluded.username
        OR excluded.last_inbound_at > coalesce(last_inbound_at, 0)`,
  );
  const byUserId = client.prepare<[string], RawRow>('SELECT * FROM contact_identities WHERE user_id = ?');
  const byPhones = client.prepare<[string], RawRow>(
    'SELECT * FROM contact_identities WHERE phone IN (SELECT value FROM json_each(?)) ORDER BY updated_at DESC',
  );
  const remove = client.prepare<[string]>('DELETE FROM contact_identities WHERE user_id = ?');

  return {
    /**
     * Records a sighting. Returns `linked: true` when it gave this BSUID a phone it did not have
     * (the caller then completes a BSUID-only blacklist entry).
     */
    see(sighting: IdentitySighting, now: number): { linked: boolean } {
      const before = sighting.phone ? byUserId.get(sighting.userId) : undefined;
      upsert.run({
        userId: sighting.userId,
        phone: sighting.phone ?? null,
        parent: sighting.parentUserId ?? null,
        username: sighting.username ?? null,
        inboundAt: sighting.inboundAt ?? null,
        now,
      });
      return { linked: Boolean(sighting.phone) && before?.phone !== sighting.phone };
    },

    /**
     * `user_changed_user_id`: the customer's BSUID became `newUserId`. The old row's phone,
     * username and times move to the new one (what the new row already knew wins), the old row
     * goes. Returns the phone now linked to the new BSUID, if any.
     */
    replaceUserId(oldUserId: string, newUserId: string, parentUserId: string | null, now: number): { phone: string | null } {
      const old = byUserId.get(oldUserId);
      if (old && oldUserId !== newUserId) {
        upsert.run({ userId: newUserId, phone: old.phone, parent: parentUserId ?? old.parent_user_id, username: old.username, inboundAt: old.last_inbound_at, now });
        remove.run(oldUserId);
      } else {
        upsert.run({ userId: newUserId, phone: null, parent: parentUserId, username: null, inboundAt: null, now });
      }
      return { phone: byUserId.get(newUserId)?.phone ?? null };
    },

    get(userId: string): ContactIdentityRow | undefined {
      const row = byUserId.get(userId);
      return row ? toRow(row) : undefined;
    },

    /** Every BSUID seen with this phone (any of its Brazilian 9th-digit forms), newest first. */
    forPhone(e164: string): ContactIdentityRow[] {
      return byPhones.all(JSON.stringify(phoneVariants(e164))).map(toRow);
    },
  };
}

export type ContactIdentitiesRepository = ReturnType<typeof createContactIdentitiesRepository>;
