import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, makeTempDir } from '../testing/temp-core';
import { openDatabase } from './open-database';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

describe('migrations', () => {
  it('replay into a fresh file and produce the log and blacklist schema', () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'fresh.sqlite');
    openDatabase(file, { migrationsDir: MIGRATIONS_DIR }).$client.close();

    const raw = new Database(file, { readonly: true });
    expect(columns(raw, 'notifications')).toEqual(
      expect.arrayContaining(['id', 'order_number', 'phone', 'type', 'status', 'tracking', 'sent_at', 'error', 'created_at']),
    );
    expect(columns(raw, 'blacklist')).toEqual(expect.arrayContaining(['phone', 'reason', 'added_at', 'source']));
    const indexes = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map(
      (i) => i.name,
    );
    expect(indexes).toEqual(
      expect.arrayContaining(['notifications_status_created_idx', 'notifications_type_created_idx', 'blacklist_phone_unique']),
    );
    raw.close();
  });

  it('are idempotent: reopening applies nothing twice and keeps data', () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'again.sqlite');
    const first = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    first.$client
      .prepare('INSERT INTO blacklist (phone, reason, added_at, source) VALUES (?, ?, ?, ?)')
      .run('+5511955551234', 'test', 1, 'manual');
    const applied = first.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    first.$client.close();

    const second = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    expect(second.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual(applied);
    expect(second.$client.prepare('SELECT count(*) AS n FROM blacklist').get()).toEqual({ n: 1 });
    second.$client.close();
  });

  it('turn on WAL, foreign keys and a busy timeout', () => {
    temp = makeTempDir();
    const db = openDatabase(join(temp.dir, 'pragmas.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.close();
  });

  it('refuse to open when the migrations folder is missing, leaving no half-built file open', () => {
    temp = makeTempDir();
    expect(() => openDatabase(join(temp.dir, 'x.sqlite'), { migrationsDir: join(temp.dir, 'nope') })).toThrow();
  });

  it('serve the log filters from indexes', () => {
    temp = makeTempDir();
    const db = openDatabase(join(temp.dir, 'plan.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    const plan = (sql: string) =>
      (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM notifications WHERE status = 'failed' ORDER BY created_at DESC LIMIT 50")).toMatch(
      /USING INDEX notifications_status_created_idx/,
    );
    expect(plan("SELECT * FROM notifications WHERE type = 'shipment_created' ORDER BY created_at DESC LIMIT 50")).toMatch(
      /USING INDEX notifications_type_created_idx/,
    );
    expect(plan("SELECT * FROM blacklist WHERE phone = '+5511955551234'")).toMatch(/USING INDEX blacklist_phone_unique/);
    db.$client.close();
  });
});
