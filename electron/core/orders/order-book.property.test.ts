import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import type { OrderDetail } from '../../../shared/contract/methods/orders';
import { isKnownCurrency, ORDER_LIMITS, parseOrder } from '../../../shared/domain/order-schema';
import { buildTrackingUrl, DEFAULT_TRACKING_SETTINGS } from '../../../shared/settings/tracking';
import { loadOrderById } from './order-book';
import { makeTempDir, openTempCore } from '../testing/temp-core';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

const odd = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('1e999', 'USDT', 'brl', 'XXX', '', '😀 abc', '１２３', '(11) 98765-4321', 'AA123456785BR', Infinity, -1, 0.5, 1e11, {}, [], null),
);

describe('order book contract (property)', () => {
  it('orders.create on any input: a validation error or an order that passes the schema, never an internal error', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            number: fc.oneof(fc.constant('N'), odd),
            customerName: fc.oneof(fc.constant('Maria Souza'), odd),
            phone: fc.oneof(fc.constantFrom('', '(11) 98765-4321'), odd),
            totalMinor: fc.oneof(fc.integer({ min: 0, max: 1e6 }), odd),
            currency: fc.oneof(fc.constantFrom('BRL', 'USD', 'eur'), odd),
            createdAt: fc.oneof(fc.integer({ min: 0, max: 2e12 }), odd),
          },
          { requiredKeys: [] },
        ),
        async (input) => {
          // Unique numbers where the input is a plain one, so "already exists" does not hide the rest.
          const unique = input.number === 'N' ? { ...input, number: `N-${n++}` } : input;
          const answer = (await core.invoke('orders.create', unique)) as Envelope<OrderDetail>;
          if (!answer.ok) {
            expect(['validation', 'conflict']).toContain(answer.error.code);
            return;
          }
          const stored = loadOrderById(core.context().db, answer.value.id);
          expect(parseOrder(stored?.order).ok).toBe(true);
          expect(isKnownCurrency(answer.value.currency)).toBe(true);
          expect(Number.isSafeInteger(answer.value.totalMinor) && answer.value.totalMinor <= ORDER_LIMITS.maxAmountMinor).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    await core.close();
  }, 60_000);

  it('refuses what would corrupt a message, field by field, in words the form shows', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const issueOf = async (name: string, input: unknown) => {
      const answer = (await core.invoke(name, input)) as Envelope<unknown>;
      return answer.ok ? null : (answer.error.details as { issues: { path: string; key: string }[] }).issues[0];
    };
    expect(await issueOf('orders.create', { number: 'U-1', customerName: 'Ana', phone: '', totalMinor: 100, currency: 'USDT' })).toMatchObject({ path: 'currency', key: 'validation.currency' });
    expect(await issueOf('orders.create', { number: 'U-2', customerName: 'Ana', phone: '', totalMinor: 1e11 })).toMatchObject({ path: 'totalMinor', key: 'validation.amountTooLarge' });
    const created = (await core.invoke('orders.create', { number: 'U-3', customerName: 'Ana', phone: '', totalMinor: 100 })) as Envelope<OrderDetail>;
    if (!created.ok) throw new Error('not created');
    const id = created.value.id;
    expect(await issueOf('orders.addShipment', { id, carrier: 'Jadlog', trackingNumber: '😀 abc' })).toMatchObject({ path: 'trackingNumber', key: 'validation.trackingCode' });
    expect(await issueOf('orders.addShipment', { id, carrier: 'Correios - SEDEX', trackingNumber: 'JD123' })).toMatchObject({
      path: 'trackingNumber',
      key: 'validation.trackingCodeCorreios',
    });
    // Full-width digits are the same code; a code with a link-breaking character stays out of the URL's structure.
    expect(await issueOf('orders.addShipment', { id, carrier: 'Correios', trackingNumber: 'AA１２３４５６７８５BR' })).toBeNull();
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, 'Loggi', 'A&B?x=1#/')).toBe('https://www.loggi.com/rastreador/A%26B%3Fx%3D1%23%2F');
    await core.close();
  });
});
