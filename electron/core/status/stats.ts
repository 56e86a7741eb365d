import type { CostEstimate, DailyCount, StatusOverview } from '../../../shared/contract/methods/status';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import type { CostRates } from '../../../shared/settings/costs';
import type { AppDatabase } from '../db/open-database';

const DAY_MS = 86_400_000;

/** Local midnight of the day `now` falls in (the PC's time zone: the shop's). */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Counts for the Status screen, all from indexed ranges of `notifications.created_at`
 * (the message log's own index), so they stay cheap on a big log.
 */
export function messageStats(db: AppDatabase, now: number, rates: CostRates): Pick<StatusOverview, 'today' | 'queue' | 'daily' | 'cost'> {
  const sql = db.$client;
  const todayStart = startOfLocalDay(now);
  const today = { total: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
  for (const row of sql
    .prepare('SELECT status, count(*) AS n FROM notifications WHERE created_at >= ? GROUP BY status')
    .all(todayStart) as { status: NotificationStatus; n: number }[]) {
    today.total += row.n;
    if (row.status === 'sent' || row.status === 'delivered' || row.status === 'read' || row.status === 'failed') today[row.status] += row.n;
  }
  const pending = (sql.prepare("SELECT count(*) AS n FROM notifications WHERE status IN ('queued', 'sending')").get() as { n: number }).n;

  const from = startOfLocalDay(now - 29 * DAY_MS);
  const byDay = new Map<string, DailyCount>();
  for (let t = from; t <= now; t += DAY_MS) {
    const day = localDay(t);
    byDay.set(day, { day, counts: {} });
  }
  for (const row of sql
    .prepare('SELECT created_at AS at, status FROM notifications WHERE created_at >= ? ORDER BY created_at')
    .iterate(from) as Iterable<{ at: number; status: NotificationStatus }>) {
    const entry = byDay.get(localDay(row.at));
    if (entry) entry.counts[row.status] = (entry.counts[row.status] ?? 0) + 1;
  }

  return { today, queue: { pending }, daily: [...byDay.values()], cost: costThisMonth(db, now, rates) };
}

/**
 * Estimated cost this month: billable messages by Meta's pricing category (from the receipts),
 * times the owner's rate per category. Free types (service, free entry point) are not billable.
 */
export function costThisMonth(db: AppDatabase, now: number, rates: CostRates): CostEstimate {
  const start = new Date(now);
  start.setDate(1);
  start.setHours(0, 0, 0, 0);
  const rows = db.$client
    .prepare(
      `SELECT pricing_category AS category, count(*) AS n FROM notifications
       WHERE created_at >= ? AND pricing_category IS NOT NULL
         AND (pricing_billable = 1 OR (pricing_billable IS NULL AND pricing_type = 'regular'))
       GROUP BY pricing_category`,
    )
    .all(start.getTime()) as { category: string; n: number }[];
  const byCategory = rows.map(({ category, n }) => {
    const rate = (rates as Record<string, number | string>)[category];
    const perMessage = typeof rate === 'number' ? rate : 0;
    return { category, billable: n, rate: perMessage, estimate: Math.round(n * perMessage * 100) / 100 };
  });
  return {
    month: localDay(start.getTime()).slice(0, 7),
    byCategory,
    total: Math.round(byCategory.reduce((sum, c) => sum + c.estimate, 0) * 100) / 100,
    currency: 'BRL',
  };
}
