import Database from 'better-sqlite3';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { openDatabase } from './open-database';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

/** drizzle/ as it was before `0010_contact_identities`. */
function migrationsBeforeContactIdentities(dir: string): string {
  const copy = join(dir, 'drizzle-before');
  cpSync(MIGRATIONS_DIR, copy, { recursive: true });
  rmSync(join(copy, '0010_contact_identities.sql'));
  const journalFile = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag !== '0010_contact_identities');
  writeFileSync(journalFile, JSON.stringify(journal));
  return copy;
}

describe('0010_contact_identities', () => {
  it('keeps every blacklisted number (matched by phone) and serves the lookups from indexes', () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'old.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsBeforeContactIdentities(temp.dir) }).$client;
    old.prepare('INSERT INTO blacklist (phone, reason, added_at, source) VALUES (?, ?, ?, ?)').run('+5511955551234', 'customer opted out', 5, 'auto');
    old.prepare('INSERT INTO blacklist (phone, reason, added_at, source) VALUES (?, ?, ?, ?)').run('+5521987654321', 'pediu', 6, 'manual');
    old.close();

    openDatabase(file, { migrationsDir: MIGRATIONS_DIR }).$client.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id, phone, user_id, username, matched_by, reason, added_at, source FROM blacklist ORDER BY id').all()).toEqual([
      { id: 1, phone: '+5511955551234', user_id: null, username: null, matched_by: 'phone', reason: 'customer opted out', added_at: 5, source: 'auto' },
      { id: 2, phone: '+5521987654321', user_id: null, username: null, matched_by: 'phone', reason: 'pediu', added_at: 6, source: 'manual' },
    ]);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM contact_identities WHERE phone = '+1'")).toMatch(/contact_identities_phone_idx/);
    expect(plan("SELECT * FROM blacklist WHERE user_id = 'BR.1'")).toMatch(/blacklist_user_id_unique/);
    db.close();
  });
});
