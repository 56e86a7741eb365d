import { eq, inArray } from 'drizzle-orm';
import type { BlacklistSource } from '../../../shared/domain/notification-status';
import type { AppDatabase } from '../db/open-database';
import { blacklist, type BlacklistRow } from '../db/schema';
import { phoneVariants } from './phone-variants';

export interface BlacklistEntry {
  /** E.164, e.g. `+5511955551234`. */
  phone: string;
  /** Shown in the Blacklist screen: Meta's error text, "customer opted out", or the owner's note. */
  reason: string;
  source: BlacklistSource;
  /** ms. */
  addedAt: number;
}

/**
 * The blacklist, one row per E.164 number. Used by the webhook (permanent errors, opt-outs), the
 * dispatcher (before every send) and the Blacklist screen. Every function is synchronous and runs
 * inside whatever transaction the caller has open.
 */
export function createBlacklistRepository(db: AppDatabase) {
  return {
    /**
     * Adds the number unless it (or its Brazilian 9th-digit twin) is already there; the first
     * reason is kept. Returns whether a row was added.
     */
    add(entry: BlacklistEntry): { added: boolean; row: BlacklistRow } {
      const existing = this.find(entry.phone);
      if (existing) return { added: false, row: existing };
      const row = db.insert(blacklist).values(entry).onConflictDoNothing().returning().get();
      if (row) return { added: true, row };
      return { added: false, row: this.find(entry.phone) as BlacklistRow };
    },

    /** The row for this number or one of its variants, if any. */
    find(phone: string): BlacklistRow | undefined {
      return db.select().from(blacklist).where(inArray(blacklist.phone, phoneVariants(phone))).limit(1).get();
    },

    isBlacklisted(phone: string): boolean {
      return this.find(phone) !== undefined;
    },

    /** Removes the exact number. Returns whether a row was removed. */
    remove(phone: string): boolean {
      return db.delete(blacklist).where(eq(blacklist.phone, phone)).run().changes > 0;
    },
  };
}

export type BlacklistRepository = ReturnType<typeof createBlacklistRepository>;
