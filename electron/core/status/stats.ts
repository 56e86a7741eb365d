import type { DailyCount, StatusOverview } from '../../../shared/contract/methods/status';
import { estimateCost, type CostEstimate, type PricedGroup } from '../../../shared/domain/cost-estimate';
import { CSW_CHARGED_SINCE } from '../../../shared/domain/pricing';
import { BRAZIL_PHONE_PREFIX, type CostRates } from '../../../shared/settings/costs';
import type { AppDatabase } from '../db/open-database';
import { createLogQuery } from '../notifications/log-query';
import { createNotificationQueries } from '../notifications/notification-queries';

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

/** The local midnights that bound the chart's 30 days, the last one tomorrow's. */
export function chartBounds(now: number): number[] {
  const bounds = [startOfLocalDay(now - 29 * DAY_MS)];
  while (bounds[bounds.length - 1]! <= now) {
    // Local days are 23 or 25 h long on a daylight-saving change: step by the calendar, not 24 h.
    bounds.push(startOfLocalDay(bounds[bounds.length - 1]! + DAY_MS + 2 * 3_600_000));
  }
  return bounds;
}

/**
 * Counts for the Status screen, through the Message Log's own counters (the one definition of
 * each number in shared/domain/message-counts.ts): "today" and each bar of the chart are the
 * log's counters for that local day, so Status, the log and the chart agree. The 30 bars come from
 * the daily summary table in one read (`countersByRange`), not from the rows.
 */
export function messageStats(db: AppDatabase, now: number, rates: CostRates): Pick<StatusOverview, 'today' | 'queue' | 'daily' | 'cost'> {
  const log = createLogQuery(db);
  const today = log.counters({ from: startOfLocalDay(now) });
  const bounds = chartBounds(now);
  const daily: DailyCount[] = log.countersByRange(bounds).map((counts, i) => ({ day: localDay(bounds[i]!), counts }));
  return { today, queue: { pending: log.counters({}).pending }, daily, cost: costThisMonth(db, now, rates) };
}

/**
 * Estimated cost this month from each receipt's own `pricing` (shared/domain/cost-estimate.ts):
 * receipts grouped by country (Brazil's +55 or other), category, `billable`, `type` and whether
 * they were sent before or since 2026-10-01, so the estimate reads a handful of groups however
 * many messages the month had.
 */
export function costThisMonth(db: AppDatabase, now: number, rates: CostRates): CostEstimate {
  const start = new Date(now);
  start.setDate(1);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setMonth(end.getMonth() + 1);
  const rows = createNotificationQueries(db).pricedGroups(start.getTime(), end.getTime(), BRAZIL_PHONE_PREFIX, CSW_CHARGED_SINCE);
  const groups: PricedGroup[] = rows.map((r) => ({
    region: r.region,
    category: r.category,
    billable: r.billable,
    type: r.type,
    // Which side of the dated rule the group is on is all the verdict needs of the time.
    sentAt: r.newRule ? CSW_CHARGED_SINCE : CSW_CHARGED_SINCE - 1,
    count: r.n,
  }));
  return estimateCost(groups, rates, localDay(start.getTime()).slice(0, 7));
}
