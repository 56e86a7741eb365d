import type { CostRates, RateRegion } from '../settings/costs';
import { chargeVerdict, isCharged, type ReceiptPricing } from './pricing';

/** Receipts of one kind this month: same country, category, `billable`, `type` and side of 2026-10-01. */
export interface PricedGroup extends ReceiptPricing {
  region: RateRegion;
  count: number;
}

export interface CostRow {
  region: RateRegion;
  /** Meta's category as reported (`utility`, `marketing`, … or one Recado has no rate for). */
  category: string;
  /** Messages Meta charges. */
  billable: number;
  /** Messages Meta reported as free (customer-service window, free entry point, not billable). */
  free: number;
  /** USD per charged message, the owner's estimate (0 for a category with no rate). */
  rate: number;
  /** USD, to 4 decimals (rates are fractions of a cent). */
  estimate: number;
}

export interface CostEstimate {
  /** `YYYY-MM` (local time). */
  month: string;
  /** One row per country and category with a priced receipt this month, Brazil first. */
  byCategory: CostRow[];
  /** USD, to 4 decimals. */
  total: number;
  currency: 'USD';
  /** The total in reais at the owner's conversion rate; null when they set none. */
  converted: { currency: 'BRL'; brlPerUsd: number; total: number } | null;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * The month's estimated cost from the receipts' own pricing: each group counted charged or free
 * by `chargeVerdict` (the one rule, also behind the log detail), charged ones times the owner's
 * rate for that country and category, in USD, and in BRL too when a conversion rate is set.
 */
export function estimateCost(groups: readonly PricedGroup[], rates: CostRates, month: string): CostEstimate {
  const rows = new Map<string, CostRow>();
  for (const group of groups) {
    if (group.category === null) continue;
    const key = `${group.region}:${group.category}`;
    const table: Record<string, number> = rates.rates[group.region];
    const row = rows.get(key) ?? { region: group.region, category: group.category, billable: 0, free: 0, rate: table[group.category] ?? 0, estimate: 0 };
    if (isCharged(chargeVerdict(group))) row.billable += group.count;
    else row.free += group.count;
    rows.set(key, row);
  }
  const byCategory = [...rows.values()]
    .map((row) => ({ ...row, estimate: round4(row.billable * row.rate) }))
    .sort((a, b) => (a.region === b.region ? a.category.localeCompare(b.category) : a.region === 'BR' ? -1 : 1));
  const total = round4(byCategory.reduce((sum, row) => sum + row.estimate, 0));
  return {
    month,
    byCategory,
    total,
    currency: 'USD',
    converted: rates.brlPerUsd === null ? null : { currency: 'BRL', brlPerUsd: rates.brlPerUsd, total: Math.round(total * rates.brlPerUsd * 100) / 100 },
  };
}
