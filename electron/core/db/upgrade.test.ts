import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageCounts } from '../../../shared/domain/message-counts';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { DATABASE_FILE } from '../platform/paths';
import { databaseBefore, migrationTags, upgradeToLatest } from './testing/upgrade';

// Each migration that moves or derives data (0003, 0005, 0006, 0009) is proven on rows written by the version before it:
// a fresh file is migrated up to that point, seeded with plain SQL in that version's shape, and
// upgraded to whatever drizzle/ holds now.

let temp: ReturnType<typeof makeTempDir> | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  temp?.remove();
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 10, 12);

/** Rows as a Recado of the 0000–0002 era wrote them (no dispatcher columns yet). */
const OLD_ROWS: { order: string; phone: string; type: string; status: NotificationStatus; at: number }[] = [
  { order: 'WC-12345', phone: '+5511987654321', type: 'order_placed', status: 'delivered', at: T0 },
  { order: 'WC-12346', phone: '+5521998765432', type: 'order_shipped', status: 'read', at: T0 + 1000 },
  { order: 'WC-12347', phone: '+5511912340000', type: 'order_placed', status: 'failed', at: T0 - DAY },
  { order: 'BALCAO-77', phone: '+5531987650001', type: 'order_cancelled', status: 'sent', at: T0 - 3 * DAY },
  { order: 'BALCAO-78', phone: '+5531987650002', type: 'order_placed', status: 'delivered', at: T0 - 3 * DAY + 5 },
];

function seedOldRows(raw: Database.Database): void {
  const insert = raw.prepare(
    'INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const row of OLD_ROWS) insert.run(row.order, row.phone, row.type, row.status, row.at, row.at, row.at);
}

/** A data folder whose database stopped just before `tag`, with the old rows in it. */
function folderBefore(tag: string): string {
  temp = makeTempDir();
  const raw = databaseBefore(join(temp.dir, DATABASE_FILE), tag, temp.dir);
  seedOldRows(raw);
  raw.close();
  return temp.dir;
}

describe('upgrade helper', () => {
  it('stops a fresh file just before the named migration and refuses an unknown one', () => {
    temp = makeTempDir();
    const raw = databaseBefore(join(temp.dir, 'a.sqlite'), '0003_log_search', temp.dir);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    raw.close();
    expect(tables).toContain('notifications');
    expect(tables).not.toContain('notifications_search');
    expect(() => databaseBefore(join(temp!.dir, 'b.sqlite'), '9999_nothing', temp!.dir)).toThrow(/no migration 9999_nothing/);
    expect(migrationTags().slice(0, 2)).toEqual(['0000_init', '0001_orders']);
  });
});

describe('0003_log_search on an existing message log', () => {
  it('indexes every row that was already there, so the Message log finds them by part of the number or phone', async () => {
    const dir = folderBefore('0003_log_search');
    const db = upgradeToLatest(join(dir, DATABASE_FILE));
    const match = (text: string) =>
      db.$client.prepare('SELECT rowid FROM notifications_search WHERE notifications_search MATCH ? ORDER BY rowid').pluck().all(`"${text}"`);
    expect(match('1234')).toEqual([1, 2, 3]);
    expect(match('BALCAO')).toEqual([4, 5]);
    expect(match('98765')).toEqual([1, 2, 4, 5]);
    db.$client.close();

    // The screen's own query, through the contract, on the upgraded file.
    const { core } = openTempCore(dir, { mode: 'live' });
    closers.push(() => core.close());
    const page = await core.client.call('log.query', { filters: { search: '2346' } });
    expect(page.rows.map((r) => [r.orderNumber, r.phone, r.status])).toEqual([['WC-12346', '+5521998765432', 'read']]);
    expect((await core.client.call('log.query', { filters: { search: 'balcao' } })).total).toBe(2);
  });

  it('keeps the index in step after the upgrade: renumbered and deleted old rows are found as they are now', () => {
    const dir = folderBefore('0003_log_search');
    const db = upgradeToLatest(join(dir, DATABASE_FILE)).$client;
    closers.push(() => db.close());
    db.prepare("UPDATE notifications SET order_number = 'WC-99999' WHERE id = 1").run();
    db.prepare('DELETE FROM notifications WHERE id = 4').run();
    const match = (text: string) => db.prepare('SELECT rowid FROM notifications_search WHERE notifications_search MATCH ? ORDER BY rowid').pluck().all(`"${text}"`);
    expect(match('99999')).toEqual([1]);
    expect(match('12345')).toEqual([]);
    expect(match('BALCAO')).toEqual([5]);
  });
});

describe('0005_log_counts on an existing message log', () => {
  const expectedCounts = () => {
    const byKey = new Map<string, number>();
    for (const row of OLD_ROWS) {
      const key = `${Math.floor(row.at / DAY)}|${row.type}|${row.status}`;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    return [...byKey].map(([key, n]) => `${key}|${n}`).sort();
  };

  it('fills the daily counts from the rows already there, bucket by bucket', () => {
    const dir = folderBefore('0005_log_counts');
    const db = upgradeToLatest(join(dir, DATABASE_FILE)).$client;
    closers.push(() => db.close());
    const counts = db.prepare("SELECT day || '|' || type || '|' || status || '|' || n FROM notification_daily_counts WHERE n > 0").pluck().all();
    expect([...counts].sort()).toEqual(expectedCounts());

    // And the triggers keep them exact from there on: a receipt moves a row between buckets.
    db.prepare("UPDATE notifications SET status = 'read' WHERE id = 1").run();
    const bucket = (status: string) =>
      db.prepare('SELECT coalesce(sum(n), 0) FROM notification_daily_counts WHERE day = ? AND type = ? AND status = ?').pluck().get(Math.floor(T0 / DAY), 'order_placed', status);
    expect([bucket('delivered'), bucket('read')]).toEqual([0, 1]);
  });

  it("gives the Message log's counters the same numbers as counting the old rows", async () => {
    const dir = folderBefore('0005_log_counts');
    const { core } = openTempCore(dir, { mode: 'live' });
    closers.push(() => core.close());
    const byStatus: Partial<Record<NotificationStatus, number>> = {};
    for (const row of OLD_ROWS) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    expect(await core.client.call('log.counters', { filters: {} })).toEqual(messageCounts(byStatus));
  });
});

describe('0006_dispatcher on an existing message log', () => {
  it('gives old rows no attempts and nothing to retry, so the new dispatcher never resends them', async () => {
    const dir = folderBefore('0006_dispatcher');
    const { core } = openTempCore(dir, { mode: 'live' });
    closers.push(() => core.close());
    const raw = core.context().db.$client;
    const rows = raw.prepare('SELECT attempts, next_attempt_at, order_event_id FROM notifications ORDER BY id').all();
    expect(rows).toEqual(OLD_ROWS.map(() => ({ attempts: 0, next_attempt_at: null, order_event_id: null })));
    expect((await core.client.call('dispatch.queue', {})).total).toBe(0);
  });
});

describe('0009_log_totals on an existing message log', () => {
  it('fills the all-time totals from the rows already there, which the counters without dates now read', async () => {
    const dir = folderBefore('0009_log_totals');
    const db = upgradeToLatest(join(dir, DATABASE_FILE)).$client;
    const totals = db.prepare("SELECT type || '|' || status || '|' || n FROM notification_totals WHERE n > 0").pluck().all();
    db.close();
    const expected = new Map<string, number>();
    for (const row of OLD_ROWS) expected.set(`${row.type}|${row.status}`, (expected.get(`${row.type}|${row.status}`) ?? 0) + 1);
    expect([...totals].sort()).toEqual([...expected].map(([key, n]) => `${key}|${n}`).sort());

    const { core } = openTempCore(dir, { mode: 'live' });
    closers.push(() => core.close());
    const byStatus: Partial<Record<NotificationStatus, number>> = {};
    for (const row of OLD_ROWS) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    expect(await core.client.call('log.counters', { filters: {} })).toEqual(messageCounts(byStatus));
  });
});
