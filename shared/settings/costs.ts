import { z } from 'zod';

/** Pricing categories Meta reports in status webhooks (Meta's docs: webhooks/reference/messages). */
export const PRICING_CATEGORIES = ['marketing', 'utility', 'authentication', 'authentication-international', 'service'] as const;
export type PricingCategory = (typeof PRICING_CATEGORIES)[number];

const rate = z
  .number({ error: 'validation.number' })
  .min(0, { error: 'validation.costRate' })
  .max(100, { error: 'validation.costRate' });

/**
 * What the owner believes one delivered, billable template costs, per category, in reais. Meta
 * publishes rates in USD per country and changes them quarterly, so these are editable
 * estimates, labelled as such on the Status screen.
 */
export const costRatesSchema = z.object({
  currency: z.literal('BRL'),
  marketing: rate,
  utility: rate,
  authentication: rate,
  'authentication-international': rate,
  service: rate,
});
export type CostRates = z.infer<typeof costRatesSchema>;

/** Rough BRL equivalents of Meta's 2025 Brazil rates; service messages are free. */
export const DEFAULT_COST_RATES: CostRates = {
  currency: 'BRL',
  marketing: 0.35,
  utility: 0.04,
  authentication: 0.04,
  'authentication-international': 0.2,
  service: 0,
};
