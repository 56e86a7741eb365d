import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFilters } from '../../../shared/contract/methods/log';
import { openDatabase, type AppDatabase } from '../db/open-database';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { count } from 'drizzle-orm';
import { notifications } from '../db/schema';
import { createLogQuery, filterCondition, normalizeSearch } from './log-query';
import { seedLog } from '../log/testing/seed-log';

/** Every filter the screen offers, alone and combined. */
const FILTERS: Record<string, LogFilters> = {
  none: {},
  status: { status: 'failed' },
  type: { type: 'shipment_created' },
  dateRange: { from: Date.UTC(2026, 4, 1), to: Date.UTC(2026, 4, 8) },
  // Local midnights in São Paulo (UTC−3): whole days from the summary, the edges from the table.
  localDays: { from: Date.UTC(2026, 4, 1, 3), to: Date.UTC(2026, 4, 8, 3) },
  withinOneDay: { from: Date.UTC(2026, 4, 2, 3), to: Date.UTC(2026, 4, 2, 15) },
  statusAndType: { status: 'delivered', type: 'order_placed' },
  statusAndDate: { status: 'read', from: Date.UTC(2026, 4, 1), to: Date.UTC(2026, 4, 8) },
  typeAndDate: { type: 'refund_issued', from: Date.UTC(2026, 4, 1), to: Date.UTC(2026, 4, 8) },
  all: { status: 'read', type: 'order_placed', from: Date.UTC(2026, 4, 1), to: Date.UTC(2026, 4, 8) },
  searchPhone: { search: '98765' },
  searchOrder: { search: '#512345' },
  searchShort: { search: '12' },
  searchAndStatus: { search: '4321', status: 'failed' },
};

/** A plan step that reads the whole notifications table without an index. */
const fullScan = (detail: string) => /^SCAN notifications\b(?!.*\bUSING\b)/.test(detail);

describe('message log queries on 1,000,000 rows', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: AppDatabase;
  beforeAll(() => {
    temp = makeTempDir();
    db = openDatabase(`${temp.dir}/log.sqlite`, { migrationsDir: MIGRATIONS_DIR });
    seedLog(db, 1_000_000);
  }, 180_000);
  afterAll(() => {
    db?.$client.close();
    temp?.remove();
  });

  it('uses an index for every filter: page, total count and counters', () => {
    const query = createLogQuery(db);
    const problems: string[] = [];
    for (const [name, filters] of Object.entries(FILTERS)) {
      for (const [kind, statements] of Object.entries(query.sqlFor(filters))) {
       for (const { sql, params } of statements) {
        const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        const steps = plan.map((p) => p.detail);
        // The summary tables are small by design (days × types × statuses; types × statuses) and may be scanned.
        const usesIndex = steps.some((s) => /INDEX|PRIMARY KEY|VIRTUAL TABLE|notification_daily_counts|notification_totals/.test(s));
        if (steps.some(fullScan) || !usesIndex) problems.push(`${name}/${kind}: ${steps.join(' | ')}`);
       }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers pages newest first with the right total, and the trigram search finds substrings', () => {
    const query = createLogQuery(db);
    const first = query.page({}, 1, 50);
    expect(first.total).toBe(1_000_000);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.orderNumber).toBe(String(10_000 + 999_999));
    for (let i = 1; i < 50; i++) expect(first.rows[i - 1]!.createdAt).toBeGreaterThan(first.rows[i]!.createdAt);

    const last = query.page({}, 20_000, 50);
    expect(last.rows.at(-1)!.orderNumber).toBe('10000');

    const bySearch = query.page({ search: '#512345' }, 1, 50);
    expect(bySearch.rows.length).toBeGreaterThan(0);
    for (const row of bySearch.rows) expect(`${row.orderNumber} ${row.phone}`).toContain('512345');
    const exact = db.$client.prepare("SELECT count(*) AS n FROM notifications WHERE order_number LIKE '%512345%' OR phone LIKE '%512345%'").get() as { n: number };
    expect(bySearch.total).toBe(exact.n);

    // The summary-table counts equal a plain count for every filter.
    for (const [name, filters] of Object.entries(FILTERS)) {
      const { where, values } = filterCondition(filters);
      const plain = db.select({ n: count() }).from(notifications).where(where).prepare().get(values)!;
      expect(query.counters(filters).total, name).toBe(plain.n);
    }
    const failed = query.counters({ status: 'failed' });
    expect(failed.failed).toBe(failed.total);
    const all = query.counters({});
    expect(all.total).toBe(1_000_000);
    expect(all.delivered).toBeGreaterThanOrEqual(all.read);
  }, 60_000);
});

describe('search text', () => {
  it('treats phone-looking text as digits and drops the order number #', () => {
    expect(normalizeSearch('(11) 98765-4321')).toBe('11987654321');
    expect(normalizeSearch('#10247')).toBe('10247');
    expect(normalizeSearch('PED-77')).toBe('PED-77');
    expect(normalizeSearch('  ')).toBeNull();
  });
});

describe('search index', () => {
  it('follows inserts, updates and deletes through the triggers', () => {
    const temp = makeTempDir();
    const db = openDatabase(`${temp.dir}/log.sqlite`, { migrationsDir: MIGRATIONS_DIR });
    try {
      seedLog(db, 100);
      const query = createLogQuery(db);
      const insert = db.$client.prepare(
        "INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at) VALUES (?, ?, 'order_placed', 'queued', ?, ?)",
      );
      const { lastInsertRowid } = insert.run('PED-7788', '+5521976543210', 5, 5);
      expect(query.page({ search: 'ped-77' }, 1, 10).rows.map((r) => r.id)).toEqual([Number(lastInsertRowid)]);
      expect(query.page({ search: '(21) 97654' }, 1, 10).total).toBe(1);
      db.$client.prepare('UPDATE notifications SET phone = ? WHERE id = ?').run('+5531911112222', lastInsertRowid);
      expect(query.page({ search: '97654321' }, 1, 10).total).toBe(0);
      expect(query.page({ search: '911112222' }, 1, 10).total).toBe(1);
      db.$client.prepare('DELETE FROM notifications WHERE id = ?').run(lastInsertRowid);
      expect(query.page({ search: 'PED-7788' }, 1, 10).total).toBe(0);
      // The seed's rows are searchable too (rebuilt after the bulk load).
      expect(query.page({ search: '10042' }, 1, 10).rows[0]?.orderNumber).toBe('10042');
      // FTS syntax in the box is just text.
      expect(query.page({ search: '" OR *' }, 1, 10).total).toBe(0);
    } finally {
      db.$client.close();
      temp.remove();
    }
  });
});

describe('daily counts and totals', () => {
  it('stay exact through inserts, status changes and deletes', () => {
    const temp = makeTempDir();
    const db = openDatabase(`${temp.dir}/log.sqlite`, { migrationsDir: MIGRATIONS_DIR });
    try {
      seedLog(db, 500, { stepMs: 3_600_000 });
      const query = createLogQuery(db);
      const plain = () => (db.$client.prepare("SELECT count(*) AS n FROM notifications WHERE status = 'read'").get() as { n: number }).n;
      db.$client.prepare("UPDATE notifications SET status = 'read' WHERE id % 7 = 0").run();
      db.$client.prepare('DELETE FROM notifications WHERE id % 11 = 0').run();
      db.$client
        .prepare("INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at) VALUES ('X1', '+5511999990000', 'order_placed', 'read', ?, ?)")
        .run(Date.UTC(2026, 4, 20, 12), 1);
      expect(query.counters({ status: 'read' }).total).toBe(plain());
      expect(query.counters({}).total).toBe((db.$client.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n);
      db.$client.prepare("UPDATE notifications SET type = 'order_cancelled' WHERE id % 5 = 0").run();
      const count = (where: string, ...params: unknown[]) => (db.$client.prepare(`SELECT count(*) AS n FROM notifications WHERE ${where}`).get(...params) as { n: number }).n;
      // All time (the totals table) and over a date range (the daily table plus the partial days).
      expect(count("type = 'order_cancelled'")).toBeGreaterThan(50);
      expect(query.counters({ type: 'order_cancelled' }).total).toBe(count("type = 'order_cancelled'"));
      expect(query.counters({ type: 'order_cancelled', status: 'read' }).total).toBe(count("type = 'order_cancelled' AND status = 'read'"));
      const from = Date.UTC(2026, 4, 10, 7, 30);
      const to = Date.UTC(2026, 4, 22, 15);
      expect(query.counters({ from, to, type: 'order_cancelled' }).total).toBe(count("type = 'order_cancelled' AND created_at >= ? AND created_at < ?", from, to));
      expect((db.$client.prepare('SELECT count(*) AS n FROM notification_daily_counts WHERE n < 0').get() as { n: number }).n).toBe(0);
      expect((db.$client.prepare('SELECT count(*) AS n FROM notification_totals WHERE n < 0').get() as { n: number }).n).toBe(0);
    } finally {
      db.$client.close();
      temp.remove();
    }
  });
});
