import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_SETTINGS } from '../settings/templates';
import { DEFAULT_TRACKING_SETTINGS } from '../settings/tracking';
import { isKnownCurrency } from './order-schema';
import { OrderRenderError, orderFieldValue, renderTemplate, sampleOrder, type RenderContext } from './template-render';

const T0 = Date.UTC(2026, 4, 28, 12);
const ctxFor = (patch: Partial<RenderContext['order']>, locale = 'pt-BR'): RenderContext => ({
  order: { ...sampleOrder(T0), ...patch },
  event: 'order_placed',
  subId: '',
  tracking: DEFAULT_TRACKING_SETTINGS,
  locale,
  timeZone: 'America/Sao_Paulo',
});

describe('money in the order’s own currency', () => {
  it('writes the total with the order’s currency, in the owner’s language', () => {
    expect(orderFieldValue('order_total', ctxFor({ totalMinor: 123456, currency: 'BRL' }))).toBe('R$ 1.234,56');
    expect(orderFieldValue('order_total', ctxFor({ totalMinor: 21890, currency: 'USD' }))).toBe('US$ 218,90');
    expect(orderFieldValue('order_total', ctxFor({ totalMinor: 21890, currency: 'EUR' }))).toBe('€ 218,90');
    // Minor units follow the currency: the yen has none.
    expect(orderFieldValue('order_total', ctxFor({ totalMinor: 219, currency: 'JPY' }))).toBe('JP¥ 219');
    expect(orderFieldValue('order_total', ctxFor({ totalMinor: 21890, currency: 'USD' }, 'en'))).toBe('$218.90');
    expect(orderFieldValue('order_total_number', ctxFor({ totalMinor: 21890, currency: 'USD' }))).toBe('218,90');
    const refund = ctxFor({ currency: 'USD', refunds: [{ id: 'r1', amountMinor: 1050, at: T0, reason: null }] });
    expect(orderFieldValue('refund_amount', { ...refund, event: 'refund_issued', subId: 'r1' })).toBe('US$ 10,50');
  });

  it('a currency Intl does not know is an OrderRenderError naming it, never a bare RangeError', () => {
    const render = () => renderTemplate(DEFAULT_TEMPLATES_SETTINGS, 'order_placed', ctxFor({ currency: 'USDT' }));
    expect(render).toThrow(OrderRenderError);
    expect(render).toThrow(expect.objectContaining({ reason: 'invalid_currency', value: 'USDT' }));
  });

  it('any stored currency and amount either renders with that currency or fails as the order’s fault', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...Intl.supportedValuesOf('currency')), fc.string({ maxLength: 6 })), fc.integer({ min: 0, max: 10 ** 12 }), (currency, totalMinor) => {
        const ctx = ctxFor({ currency, totalMinor });
        if (!isKnownCurrency(currency)) {
          expect(() => orderFieldValue('order_total', ctx)).toThrow(OrderRenderError);
          return;
        }
        const text = orderFieldValue('order_total', ctx);
        expect(text).toContain(orderFieldValue('order_total_number', ctx));
        expect(text).not.toMatch(/[\u00a0\u202f]/);
      }),
    );
  });
});
