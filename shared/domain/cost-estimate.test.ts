import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES, type CostRates } from '../settings/costs';
import { estimateCost, type PricedGroup } from './cost-estimate';
import { chargeVerdict, CSW_CHARGED_SINCE, isCharged } from './pricing';

const AFTER = CSW_CHARGED_SINCE + 5 * 86_400_000;
const BEFORE = CSW_CHARGED_SINCE - 5 * 86_400_000;
const group = (over: Partial<PricedGroup>): PricedGroup => ({ region: 'BR', category: 'utility', billable: true, type: 'regular', sentAt: AFTER, count: 1, ...over });

describe('chargeVerdict (one receipt)', () => {
  it('follows the receipt: billable regular is charged; free types and billable:false are free', () => {
    expect(chargeVerdict({ category: 'utility', billable: true, type: 'regular', sentAt: AFTER })).toBe('charged');
    expect(chargeVerdict({ category: 'service', billable: false, type: 'free_customer_service', sentAt: AFTER })).toBe('free_customer_service');
    expect(chargeVerdict({ category: 'marketing', billable: false, type: 'free_entry_point', sentAt: AFTER })).toBe('free_entry_point');
    // A free entry point is free even when an old receipt said billable.
    expect(chargeVerdict({ category: 'marketing', billable: true, type: 'free_entry_point', sentAt: AFTER })).toBe('free_entry_point');
    expect(chargeVerdict({ category: 'utility', billable: false, type: null, sentAt: AFTER })).toBe('free');
    expect(chargeVerdict({ category: null, billable: null, type: null, sentAt: AFTER })).toBeNull();
  });

  it('since 2026-10-01 a utility inside the window is charged: regular by the receipt, or by the dated rule when billable is missing', () => {
    // Meta's 2026 receipt for a utility template sent inside the window: regular, billable.
    expect(chargeVerdict({ category: 'utility', billable: true, type: 'regular', sentAt: AFTER })).toBe('charged');
    // A receipt with the window type but no `billable` (Meta is deprecating it): the date decides.
    expect(chargeVerdict({ category: 'utility', billable: null, type: 'free_customer_service', sentAt: AFTER })).toBe('charged_in_window');
    expect(chargeVerdict({ category: 'utility', billable: null, type: 'free_customer_service', sentAt: BEFORE })).toBe('free_customer_service');
    expect(chargeVerdict({ category: 'service', billable: null, type: 'free_customer_service', sentAt: AFTER })).toBe('charged_in_window');
    // Service messages with no type at all: free before, charged since.
    expect(chargeVerdict({ category: 'service', billable: null, type: null, sentAt: BEFORE })).toBe('free');
    expect(chargeVerdict({ category: 'service', billable: null, type: null, sentAt: AFTER })).toBe('charged');
    // Marketing inside the window was never free.
    expect(chargeVerdict({ category: 'marketing', billable: null, type: 'regular', sentAt: BEFORE })).toBe('charged');
  });

  it('never throws on whatever Meta sends, and billable:false or free_entry_point is never charged', () => {
    const text = fc.option(fc.oneof(fc.constantFrom('regular', 'free_customer_service', 'free_entry_point', 'utility', 'service', 'marketing'), fc.string()), { nil: null });
    fc.assert(
      fc.property(text, fc.option(fc.boolean(), { nil: null }), text, fc.integer({ min: 0, max: 4_102_444_800_000 }), (category, billable, type, sentAt) => {
        const verdict = chargeVerdict({ category, billable, type, sentAt });
        if (billable === false || type === 'free_entry_point') expect(isCharged(verdict)).toBe(false);
        if (billable === false && type === 'free_customer_service') expect(verdict).toBe('free_customer_service');
      }),
    );
  });
});

describe('estimateCost (the Status cost card)', () => {
  it('counts billable and free separately and prices only the charged ones, at Meta’s Brazil rates by default', () => {
    const cost = estimateCost(
      [
        group({ category: 'utility', count: 10 }),
        group({ category: 'utility', billable: false, type: 'free_customer_service', sentAt: BEFORE, count: 4 }),
        group({ category: 'marketing', billable: false, type: 'free_entry_point', count: 3 }),
        group({ category: 'marketing', count: 2 }),
      ],
      DEFAULT_COST_RATES,
      '2026-12',
    );
    expect(cost.byCategory).toEqual([
      { region: 'BR', category: 'marketing', billable: 2, free: 3, rate: 0.0625, estimate: 0.125 },
      { region: 'BR', category: 'utility', billable: 10, free: 4, rate: 0.0068, estimate: 0.068 },
    ]);
    expect(cost).toMatchObject({ month: '2026-12', total: 0.193, currency: 'USD', converted: null });
  });

  it('charges a utility sent inside the window since 2026-10-01 and not one sent before', () => {
    const inWindow = { category: 'utility', billable: null, type: 'free_customer_service' } as const;
    const cost = estimateCost([group({ ...inWindow, sentAt: AFTER, count: 5 }), group({ ...inWindow, sentAt: BEFORE, count: 7 })], DEFAULT_COST_RATES, '2026-10');
    expect(cost.byCategory).toEqual([{ region: 'BR', category: 'utility', billable: 5, free: 7, rate: 0.0068, estimate: 0.034 }]);
  });

  it('prices each country at its own row and converts the total at the owner’s rate', () => {
    const rates: CostRates = {
      currency: 'USD',
      rates: { BR: { ...DEFAULT_COST_RATES.rates.BR, utility: 0.008 }, other: { ...DEFAULT_COST_RATES.rates.other, utility: 0.02 } },
      brlPerUsd: 5.5,
    };
    const cost = estimateCost([group({ count: 100 }), group({ region: 'other', count: 10 })], rates, '2026-12');
    expect(cost.byCategory.map((r) => [r.region, r.rate, r.estimate])).toEqual([
      ['BR', 0.008, 0.8],
      ['other', 0.02, 0.2],
    ]);
    expect(cost.total).toBe(1);
    expect(cost.converted).toEqual({ currency: 'BRL', brlPerUsd: 5.5, total: 5.5 });
  });

  it('lists a category Recado has no rate for, at 0, rather than dropping it', () => {
    const cost = estimateCost([group({ category: 'marketing_lite', count: 2 })], DEFAULT_COST_RATES, '2026-12');
    expect(cost.byCategory).toEqual([{ region: 'BR', category: 'marketing_lite', billable: 2, free: 0, rate: 0, estimate: 0 }]);
  });
});
