import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isKnownCurrency, ORDER_LIMITS, parseOrder } from '../../../../shared/domain/order-schema';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { createLogger, memorySink } from '../../platform/logger';
import { loadOrder } from '../order-book';
import { listRefused } from '../refused-orders';
import { openTempOrdersDb } from '../testing/orders-db';
import { handleOrderEvent, signOrderEvent } from './order-endpoint';

const SECRET = 'rec_property-secret-0123456789abcdef';
let handle: ReturnType<typeof openTempOrdersDb> | undefined;
afterEach(() => handle?.close());

const odd = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('1e999', 'NaN', 'USDT', 'brl', '', '😀 abc', '１２３', 'AA123BR', '99999999999.99', Infinity, -1, 0.001, {}, [], null),
);
const body = fc.record(
  {
    eventId: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), odd),
    event: fc.oneof(fc.constantFrom(...ORDER_EVENTS), odd),
    occurredAt: fc.oneof(fc.constant('2026-11-23T11:58:00-03:00'), odd),
    order: fc.oneof(
      fc.record(
        {
          number: fc.oneof(fc.constantFrom('10247', '10248', ' 10249 '), odd),
          customerName: fc.oneof(fc.constant('Maria Souza'), odd),
          phone: fc.oneof(fc.constant('(11) 98765-4321'), odd),
          total: fc.oneof(fc.constantFrom('1234.56', 10, '0'), odd),
          currency: fc.oneof(fc.constantFrom('BRL', 'USD', 'EUR'), odd),
        },
        { requiredKeys: ['number', 'customerName'] },
      ),
      odd,
    ),
    shipment: fc.record(
      { carrier: fc.oneof(fc.constantFrom('Correios', 'Jadlog'), odd), trackingNumber: fc.oneof(fc.constantFrom('AA123456785BR', 'JD123'), odd) },
      { requiredKeys: [] },
    ),
    refund: fc.record({ amount: fc.oneof(fc.constantFrom('1.00', 5), odd), reason: fc.oneof(fc.constant('Troca'), odd) }, { requiredKeys: ['amount'] }),
  },
  { requiredKeys: ['eventId', 'event', 'occurredAt', 'order'] },
);

describe('signed order endpoint (property)', () => {
  it('any signed body: never a 5xx; what is stored passes the order schema; what is refused is recorded with reasons', () => {
    handle = openTempOrdersDb();
    const db = handle.db;
    const now = Date.UTC(2026, 10, 23, 15, 0, 0);
    const deps = { db, secret: () => SECRET, now: () => now, logger: createLogger(memorySink()) };
    fc.assert(
      fc.property(body, (payload) => {
        const raw = JSON.stringify(payload);
        const timestamp = String(Math.floor(now / 1000));
        const headers = new Headers({ 'x-recado-timestamp': timestamp, 'x-recado-signature': signOrderEvent(SECRET, timestamp, raw) });
        const before = listRefused(db, 10_000).rows.reduce((n, r) => n + r.times, 0);
        const answer = handleOrderEvent(deps, { headers, body: new TextEncoder().encode(raw) });
        expect([200, 400, 409, 422]).toContain(answer.status);
        if (answer.status === 400 || answer.status === 422) {
          expect((answer.body.issues as unknown[]).length).toBeGreaterThan(0);
          expect(listRefused(db, 10_000).rows.reduce((n, r) => n + r.times, 0)).toBe(before + 1);
        }
        if (answer.status === 200) {
          const number = (payload.order as { number: string }).number.trim();
          const stored = loadOrder(db, 'endpoint', number);
          expect(stored).not.toBeNull();
          expect(parseOrder(stored!.order).ok).toBe(true);
          expect(isKnownCurrency(stored!.order.currency)).toBe(true);
          expect(stored!.order.totalMinor).toBeLessThanOrEqual(ORDER_LIMITS.maxAmountMinor);
        }
      }),
      { numRuns: 400 },
    );
  });
});
