import { z } from 'zod';

/** Pricing categories Meta reports in status webhooks (Meta's docs: webhooks/reference/messages). */
export const PRICING_CATEGORIES = ['marketing', 'utility', 'authentication', 'authentication-international', 'service'] as const;
export type PricingCategory = (typeof PRICING_CATEGORIES)[number];

/**
 * The countries the owner keeps rates for: Meta prices by the recipient's country code. `BR`
 * (+55, most of a Brazilian shop's customers) and `other` for every other country.
 */
export const RATE_REGIONS = ['BR', 'other'] as const;
export type RateRegion = (typeof RATE_REGIONS)[number];
/** The E.164 prefix of the `BR` row. */
export const BRAZIL_PHONE_PREFIX = '+55';

const rate = z
  .number({ error: 'validation.number' })
  .min(0, { error: 'validation.costRate' })
  .max(100, { error: 'validation.costRate' });

const categoryRates = z.object({
  marketing: rate,
  utility: rate,
  authentication: rate,
  'authentication-international': rate,
  service: rate,
});
export type CategoryRates = z.infer<typeof categoryRates>;

/**
 * What the owner believes one charged message costs, per country and category, in US dollars
 * (Meta bills in USD and changes rates every quarter), with their own reais per dollar when they
 * want the estimate in both. Editable estimates, labelled as such on the Status screen.
 */
export const costRatesSchema = z.object({
  currency: z.literal('USD'),
  rates: z.object({ BR: categoryRates, other: categoryRates }),
  /** Reais per US dollar, set by the owner; null = dollars only. */
  brlPerUsd: z.number({ error: 'validation.number' }).gt(0, { error: 'validation.conversionRate' }).max(1000, { error: 'validation.conversionRate' }).nullable(),
});
export type CostRates = z.infer<typeof costRatesSchema>;

/**
 * Meta's published Brazil list rates of January 2026, in USD (§8). Brazil has no separate
 * authentication-international rate, so it is the authentication one; Meta published no service
 * rate, so it starts at 0 for the owner to set. "Other countries" starts as Brazil's: the owner
 * sets their customers' countries' rates.
 */
const BRAZIL_2026: CategoryRates = {
  marketing: 0.0625,
  utility: 0.0068,
  authentication: 0.0068,
  'authentication-international': 0.0068,
  service: 0,
};

export const DEFAULT_COST_RATES: CostRates = {
  currency: 'USD',
  rates: { BR: { ...BRAZIL_2026 }, other: { ...BRAZIL_2026 } },
  brlPerUsd: null,
};

/**
 * Settings saved before rates were in USD per country (`{ currency: 'BRL', marketing: 0.35, … }`,
 * rough reais of Meta's 2025 list) become the USD defaults: those reais were an estimate of a
 * superseded price list, not of today's, and no exchange rate is known to convert them. Anything
 * else is returned as it is, for the schema to judge.
 */
export function upgradeCostRates(stored: unknown): unknown {
  if (typeof stored === 'object' && stored !== null && (stored as { currency?: unknown }).currency === 'BRL') {
    return { ...DEFAULT_COST_RATES, rates: { BR: { ...BRAZIL_2026 }, other: { ...BRAZIL_2026 } } };
  }
  return stored;
}
