import type { CostEstimate, DailyCount, StatusOverview } from '../../../shared/contract/methods/status';
import type { CostRates } from '../../../shared/settings/costs';
import type { AppDatabase } from '../db/open-database';
import { createLogQuery } from '../log/log-query';

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
 * Counts for the Status screen, through the Message Log's own counter (`createLogQuery().counters`,
 * the one definition of each number in shared/domain/message-counts.ts): "today" and each bar of
 * the chart are the log's counters for that local day, so Status, the log and the chart agree.
 */
export function messageStats(db: AppDatabase, now: number, rates: CostRates): Pick<StatusOverview, 'today' | 'queue' | 'daily' | 'cost'> {
  const log = createLogQuery(db);
  const today = log.counters({ from: startOfLocalDay(now) });
  const daily: DailyCount[] = [];
  for (let start = startOfLocalDay(now - 29 * DAY_MS); start <= now; ) {
    // Local days are 23 or 25 h long on a daylight-saving change: step by the calendar, not 24 h.
    const end = startOfLocalDay(start + DAY_MS + 2 * 3_600_000);
    daily.push({ day: localDay(start), counts: log.counters({ from: start, to: end }) });
    start = end;
  }
  return { today, queue: { pending: log.counters({}).pending }, daily, cost: costThisMonth(db, now, rates) };
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
