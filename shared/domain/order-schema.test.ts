import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from './order';
import { isKnownCurrency, parseOrder } from './order-schema';
import { normalizeBrazilianPhone } from './phone';
import { asciiDigits } from './unicode-digits';

const good: Order = {
  source: 'woocommerce',
  externalId: '42',
  number: '10247',
  customerName: 'Maria Souza',
  phone: '(11) 98765-4321',
  totalMinor: 123456,
  currency: 'BRL',
  status: 'processing',
  createdAt: 1_764_000_000_000,
  updatedAt: 1_764_000_000_000,
  shipments: [{ id: 'AA123456785BR', carrier: 'Correios', trackingNumber: 'AA123456785BR', trackingUrl: null, shippedAt: null, deliveredAt: null }],
  refunds: [],
  cancelReason: null,
};

const keysOf = (candidate: unknown) => {
  const r = parseOrder(candidate);
  return r.ok ? [] : r.refusal.issues.map((i) => `${i.path}:${i.key}`);
};

describe('parseOrder', () => {
  it('keeps a good order as it is', () => {
    expect(parseOrder(good)).toEqual({ ok: true, order: good });
  });

  it('refuses what crashed or corrupted sending, each with its field and reason', () => {
    expect(keysOf({ ...good, currency: 'USDT' })).toEqual(['currency:validation.currency']);
    expect(keysOf({ ...good, totalMinor: Infinity })).toEqual(['totalMinor:validation.amount']);
    expect(keysOf({ ...good, totalMinor: -1000 })).toEqual(['totalMinor:validation.amountNegative']);
    expect(keysOf({ ...good, phone: 11987654321 })).toEqual(['phone:validation.phone.not_a_number']);
    expect(keysOf({ ...good, customerName: 'x'.repeat(200_000) })).toEqual(['customerName:validation.tooLong']);
    expect(keysOf({ ...good, shipments: [{ ...good.shipments[0], trackingNumber: '😀 abc' }] })).toEqual([
      'shipments.0.trackingNumber:validation.trackingCode',
    ]);
    expect(keysOf({ ...good, shipments: [{ ...good.shipments[0], trackingNumber: 'ABC123' }] })).toEqual([
      'shipments.0.trackingNumber:validation.trackingCodeCorreios',
    ]);
  });

  it('cleans text a template parameter could not carry', () => {
    const r = parseOrder({ ...good, customerName: ' Maria\n\tSouza\u202e ', currency: 'brl' });
    expect(r.ok && r.order.customerName).toBe('Maria Souza');
    expect(r.ok && r.order.currency).toBe('BRL');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = parseOrder(value);
        if (r.ok) {
          expect(Number.isFinite(r.order.totalMinor)).toBe(true);
          expect(isKnownCurrency(r.order.currency)).toBe(true);
        } else expect(r.refusal.issues.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fc.record({ ...Object.fromEntries(Object.keys(good).map((k) => [k, fc.anything()])) }), (value) => {
        expect(() => parseOrder({ ...good, ...value })).not.toThrow();
      }),
    );
  });
});

describe('asciiDigits', () => {
  it('reads digits of any script as ASCII', () => {
    expect(asciiDigits('１２３')).toBe('123');
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(asciiDigits('𝟗𝟖')).toBe('98');
    expect(asciiDigits('abc 12')).toBe('abc 12');
  });

  it('lets a full-width phone reach the same E.164 number', () => {
    const full = normalizeBrazilianPhone('（１１）９８７６５－４３２１');
    expect(full).toEqual(normalizeBrazilianPhone('(11) 98765-4321'));
    expect(full.ok && full.e164).toBe('+5511987654321');
  });
});
