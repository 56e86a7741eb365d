import { count, desc, eq, like, or, sql } from 'drizzle-orm';
import type { BlacklistMatch, BlacklistSource } from '../../../shared/domain/notification-status';
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
  /** The customer's BSUID when the entry came with one. */
  userId?: string | null;
  username?: string | null;
  /** Defaults to `phone`. */
  matchedBy?: BlacklistMatch;
}

/** An entry for a customer known only by BSUID (an opt-out without the phone). */
export interface BlacklistUserEntry {
  userId: string;
  username?: string | null;
  reason: string;
  source: BlacklistSource;
  addedAt: number;
}

interface RawRow {
  id: number;
  phone: string | null;
  user_id: string | null;
  username: string | null;
  matched_by: BlacklistMatch;
  reason: string;
  added_at: number;
  source: BlacklistSource;
}

const toRow = (r: RawRow): BlacklistRow => ({
  id: r.id,
  phone: r.phone,
  userId: r.user_id,
  username: r.username,
  matchedBy: r.matched_by,
  reason: r.reason,
  addedAt: r.added_at,
  source: r.source,
});

/** `%`, `_` and `\` typed by the owner are literal characters, not LIKE wildcards. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The blacklist. Used by the webhook (permanent errors, opt-outs), the dispatcher (before every
 * send) and the Blacklist screen. A phone is blacklisted when a row has it (or its Brazilian
 * 9th-digit twin), or when a row has a BSUID that `contact_identities` links to it. Every
 * function is synchronous and runs inside whatever transaction the caller has open.
 */
export function createBlacklistRepository(db: AppDatabase) {
  const client = db.$client;
  // Prepared once: the dispatcher asks before every send.
  const byPhone = client.prepare<{ phones: string }, RawRow>(
    `SELECT * FROM blacklist
     WHERE phone IN (SELECT value FROM json_each(@phones))
        OR user_id IN (SELECT user_id FROM contact_identities WHERE phone IN (SELECT value FROM json_each(@phones)))
     ORDER BY phone IS NULL, id LIMIT 1`,
  );
  const byUserId = client.prepare<[string], RawRow>('SELECT * FROM blacklist WHERE user_id = ?');
  const insert = client.prepare<[string | null, string | null, string | null, BlacklistMatch, string, number, BlacklistSource], RawRow>(
    `INSERT INTO blacklist (phone, user_id, username, matched_by, reason, added_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING *`,
  );
  const completePhone = client.prepare<[string, string]>('UPDATE OR IGNORE blacklist SET phone = ? WHERE user_id = ? AND phone IS NULL');
  const moveUserId = client.prepare<[string, string]>('UPDATE OR IGNORE blacklist SET user_id = ? WHERE user_id = ?');

  const repo = {
    /**
     * Adds the number unless it (or its Brazilian 9th-digit twin, or a BSUID linked to it) is
     * already there; the first reason is kept. Returns whether a row was added.
     */
    add(entry: BlacklistEntry): { added: boolean; row: BlacklistRow } {
      const existing = repo.find(entry.phone) ?? (entry.userId ? repo.findByUserId(entry.userId) : undefined);
      if (existing) return { added: false, row: existing };
      const row = insert.get(entry.phone, entry.userId ?? null, entry.username ?? null, entry.matchedBy ?? 'phone', entry.reason, entry.addedAt, entry.source);
      if (row) return { added: true, row: toRow(row) };
      return { added: false, row: repo.find(entry.phone) as BlacklistRow };
    },

    /**
     * A customer known only by BSUID (no phone ever seen with it): the row waits for a status or
     * message that links the BSUID to a phone, and blocks that phone from then on.
     */
    addUserId(entry: BlacklistUserEntry): { added: boolean; row: BlacklistRow } {
      const existing = repo.findByUserId(entry.userId);
      if (existing) return { added: false, row: existing };
      const row = insert.get(null, entry.userId, entry.username ?? null, 'bsuid', entry.reason, entry.addedAt, entry.source);
      if (row) return { added: true, row: toRow(row) };
      return { added: false, row: repo.findByUserId(entry.userId) as BlacklistRow };
    },

    /** The row for this number, one of its variants, or a BSUID linked to it, if any. */
    find(phone: string): BlacklistRow | undefined {
      const row = byPhone.get({ phones: JSON.stringify(phoneVariants(phone)) });
      return row ? toRow(row) : undefined;
    },

    findByUserId(userId: string): BlacklistRow | undefined {
      const row = byUserId.get(userId);
      return row ? toRow(row) : undefined;
    },

    isBlacklisted(phone: string): boolean {
      return repo.find(phone) !== undefined;
    },

    /** A BSUID-only row learns its phone (shown on the screen; matching worked already). */
    completePhone(userId: string, phone: string): void {
      // OR IGNORE: when another row already holds this phone, the BSUID row stays as it is (both match).
      completePhone.run(phone, userId);
    },

    /** `user_changed_user_id`: the entry follows the customer to the new BSUID. */
    moveUserId(oldUserId: string, newUserId: string): void {
      moveUserId.run(newUserId, oldUserId);
    },

    /**
     * One page of the Blacklist screen, newest first: `search` matches the reason, BSUID or username
     * as typed, and the phone by its digits; `total` counts the matches, `count` the whole list.
     * The blacklist stays small (thousands at most): LIKE over it is instant.
     */
    list(search: string, page: number, pageSize: number): { rows: BlacklistRow[]; total: number; count: number } {
      const text = search.trim();
      const digits = text.replace(/\D/g, '');
      const where = text
        ? or(
            sql`${blacklist.reason} LIKE ${likeLiteral(text)} ESCAPE '\\'`,
            sql`${blacklist.userId} LIKE ${likeLiteral(text)} ESCAPE '\\'`,
            sql`${blacklist.username} LIKE ${likeLiteral(text)} ESCAPE '\\'`,
            digits.length >= 2 ? like(blacklist.phone, `%${digits}%`) : undefined,
          )
        : undefined;
      const rows = db
        .select()
        .from(blacklist)
        .where(where)
        .orderBy(desc(blacklist.addedAt), desc(blacklist.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .all();
      const total = db.select({ n: count() }).from(blacklist).where(where).get()?.n ?? 0;
      return { rows, total, count: text ? (db.select({ n: count() }).from(blacklist).get()?.n ?? 0) : total };
    },

    /** Removes the exact number. Returns whether a row was removed. */
    remove(phone: string): boolean {
      return db.delete(blacklist).where(eq(blacklist.phone, phone)).run().changes > 0;
    },

    /** Removes the entry of this BSUID. Returns whether a row was removed. */
    removeUserId(userId: string): boolean {
      return db.delete(blacklist).where(eq(blacklist.userId, userId)).run().changes > 0;
    },
  };
  return repo;
}

export type BlacklistRepository = ReturnType<typeof createBlacklistRepository>;
