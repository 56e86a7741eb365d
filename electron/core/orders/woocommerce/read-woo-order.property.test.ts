import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isKnownCurrency, ORDER_LIMITS, parseOrder } from '../../../../shared/domain/order-schema';
import { DEFAULT_WOO_SETTINGS } from '../../../../shared/settings/woocommerce';
import { loadOrder } from '../order-book';
import { syncOrderSource } from '../order-source';
import { listRefused } from '../refused-orders';
import { openTempOrdersDb } from '../testing/orders-db';
import { readWooOrder, type WooReading } from './map-order';
import { fixture } from './testing/fake-woo-server';
import type { WooClient } from './woo-client';
import { createWooSource } from './woo-source';
import type { WooOrderJson } from './woo-types';

const settings = DEFAULT_WOO_SETTINGS;
const read = (raw: unknown) => readWooOrder(raw, settings, () => null);

/** What must hold for whatever comes out of the door. */
function expectSafe(reading: WooReading): void {
  if (reading.kind === 'order') {
    const { order } = reading;
    expect(parseOrder(order).ok).toBe(true);
    expect(isKnownCurrency(order.currency)).toBe(true);
    for (const amount of [order.totalMinor, ...order.refunds.map((r) => r.amountMinor)]) {
      expect(Number.isSafeInteger(amount) && amount >= 0 && amount <= ORDER_LIMITS.maxAmountMinor).toBe(true);
    }
    for (const s of order.shipments) if (s.trackingNumber !== null) expect(s.trackingNumber).toMatch(/^[\x21-\x7e]+$/);
  } else if (reading.kind === 'refused') {
    expect(reading.refusal.issues.length).toBeGreaterThan(0);
    for (const issue of reading.refusal.issues) expect(issue.key).toMatch(/^validation\./);
    expect(JSON.stringify(reading.refusal.excerpt).length).toBeLessThan(1000);
  }
}

const realOrders = (): WooOrderJson[] => [
  { ...fixture<WooOrderJson>('woocommerce-rest-order-727-retrieve.json'), currency: 'BRL' },
  ...fixture<WooOrderJson[]>('woocommerce-rest-orders-list.json'),
  fixture<WooOrderJson>('woocommerce-rest-order-727-update-completed.json'),
];

/** Values a plugin or a broken store could put anywhere. */
const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('1e999', '-1e999', 'NaN', 'Infinity', 'USDT', 'brl', '', ' ', '😀 abc', '１２３', '\u202e', '9'.repeat(40), 'AA123BR'),
  fc.double(),
  fc.constantFrom(5, -5, 1.5, 0, Number.MAX_SAFE_INTEGER, {}, [], null, true),
);
const FIELDS = [
  'id', 'number', 'status', 'currency', 'total', 'date_created_gmt', 'date_modified_gmt', 'date_paid_gmt', 'date_completed_gmt',
  'billing', 'shipping', 'meta_data', 'shipping_lines', 'refunds', 'correios_tracking_code',
  'billing.phone', 'billing.first_name', 'billing.cellphone', 'refunds.0', 'refunds.0.reason', 'refunds.0.total', 'refunds.0.id',
  'meta_data.0', 'meta_data.0.value',
] as const;

function mutate(order: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(order) as Record<string, unknown>;
  const parts = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
  return copy;
}

describe('readWooOrder (property)', () => {
  it('never throws on arbitrary JSON, and what it lets through is a clean order', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (raw) => {
        expectSafe(read(raw));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated real orders; never keeps an unknown currency or a non-finite amount', () => {
    const orders = realOrders();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: orders.length - 1 }),
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), oddValue), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...Object.keys(settings.statusMapping)),
        (index, mutations, status) => {
          let raw: unknown = { ...orders[index]!, status };
          for (const [path, value] of mutations) raw = mutate(raw, path, value);
          expectSafe(read(raw));
        },
      ),
      { numRuns: 600 },
    );
  });
});

/** What makes a real order refusable, one at a time. */
const BREAKERS: Record<string, (o: Record<string, unknown>) => void> = {
  currency: (o) => void (o.currency = 'USDT'),
  total: (o) => void (o.total = '1e999'),
  meta: (o) => void (o.meta_data = 5),
  name: (o) => void (o.billing = { first_name: { x: 1 } }),
  tracking: (o) => void (o.meta_data = [{ key: '_wc_shipment_tracking_items', value: [{ tracking_provider: 'correios', tracking_number: '😀 abc' }] }]),
  correios: (o) => void (o.correios_tracking_code = 'AB12CD34'),
  huge: (o) => void (o.total = '999999999999.99'),
};

describe('a WooCommerce page of mixed orders (property)', () => {
  let handle: ReturnType<typeof openTempOrdersDb> | undefined;
  afterEach(() => handle?.close());

  it('imports every valid order and refuses each invalid one alone, with a reason', async () => {
    handle = openTempOrdersDb();
    const db = handle.db;
    const template = fixture<WooOrderJson>('woocommerce-rest-order-727-retrieve.json');
    let nextId = 1;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.constantFrom(...Object.keys(BREAKERS)), { nil: null }), { minLength: 1, maxLength: 12 }), async (plan) => {
        const now = Date.UTC(2026, 10, 20, 12, 0, nextId);
        const page = plan.map((breaker) => {
          const id = nextId++;
          const order: Record<string, unknown> = {
            ...structuredClone(template),
            id,
            number: String(id),
            status: 'processing',
            currency: 'BRL',
            date_modified_gmt: new Date(now - 1000).toISOString().slice(0, 19),
            correios_tracking_code: undefined,
          };
          if (breaker) BREAKERS[breaker]!(order);
          return order;
        });
        // The store is outside: a client that answers this page is all a poll needs.
        const client: WooClient = {
          get: async () => ({ data: JSON.parse(JSON.stringify(page)) as unknown, headers: new Headers({ 'x-wp-totalpages': '1' }), status: 200 }),
          authMode: 'basic',
          requests: 0,
        };
        const result = await syncOrderSource(db, createWooSource(client, () => settings), { now, lookbackDays: 30, cursorKey: `mixed-${nextId}` });
        const refusedIds = new Set(result.refused.map((r) => r.externalId));
        const listed = new Map(listRefused(db, 10_000).rows.map((r) => [r.externalId, r]));
        plan.forEach((breaker, i) => {
          const id = String(page[i]!.id);
          if (breaker === null) {
            expect(refusedIds.has(id), `order ${id} is valid`).toBe(false);
            expect(loadOrder(db, 'woocommerce', id)?.order.totalMinor).toBe(2935);
          } else {
            expect(refusedIds.has(id), `order ${id} breaks ${breaker}`).toBe(true);
            expect(loadOrder(db, 'woocommerce', id)).toBeNull();
            expect(listed.get(id)?.issues.length).toBeGreaterThan(0);
          }
        });
        expect(result.seen).toBe(plan.filter((b) => b === null).length);
      }),
      { numRuns: 40 },
    );
  });
});
