import { afterEach, describe, expect, it } from 'vitest';
import { eventsOfOrder } from '../event-ledger';
import { loadOrder } from '../order-book';
import { openTempOrdersDb } from '../testing/orders-db';
import { fixture } from './testing/fake-woo-server';
import { wooHarness } from './testing/woo-harness';
import type { WooOrderJson } from './woo-types';

let handle: ReturnType<typeof openTempOrdersDb>;
let closeStore: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeStore?.();
  closeStore = null;
  handle?.close();
});

async function setup(settings = {}) {
  handle = openTempOrdersDb();
  const h = await wooHarness(handle.db, settings);
  closeStore = () => h.store.close();
  return h;
}
const MIN = 60_000;
const names = (events: { event: string; subId: string }[]) => events.map((e) => (e.subId ? `${e.event}:${e.subId}` : e.event));

describe('WooCommerce polling', () => {
  it('maps the documented fixture orders (UTC dates without Z, money strings, negative refunds, `refund` key)', async () => {
    const { store, poll } = await setup();
    const list = fixture<WooOrderJson[]>('woocommerce-rest-orders-list.json');
    store.now = Date.UTC(2017, 2, 23, 12, 0, 0);
    for (const o of list) store.addRaw(o);
    const result = await poll(30);
    expect(result.seen).toBe(2);
    const o727 = loadOrder(handle.db, 'woocommerce', '727')?.order;
    expect(o727).toMatchObject({ number: '727', status: 'processing', totalMinor: 2935, currency: 'USD', customerName: 'John Doe', updatedAt: Date.UTC(2017, 2, 22, 19, 28, 8) });
    const o723 = loadOrder(handle.db, 'woocommerce', '723')?.order;
    expect(o723?.refunds.map((r) => [r.id, r.amountMinor])).toEqual([['726', 1000], ['724', 900]]);
    expect(o723?.phone).toBe('(11) 1111-1111');
    expect(names(eventsOfOrder(handle.db, 'woocommerce', '723'))).toEqual([
      'order_placed', 'order_processing', 'shipment_created:untracked', 'refund_issued:726', 'refund_issued:724',
    ]);
  });

  it('sends modified_after in GMT with dates_are_gmt, per_page=100, and follows X-WP-TotalPages', async () => {
    const { store, poll } = await setup();
    for (let i = 0; i < 250; i++) store.addOrder();
    const result = await poll();
    expect(result.seen).toBe(250);
    expect(store.requests).toHaveLength(3);
    for (const r of store.requests) {
      expect(r.query.get('dates_are_gmt')).toBe('true');
      expect(r.query.get('per_page')).toBe('100');
      expect(r.query.get('modified_after')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(r.auth).toBe('basic');
    }
    expect(store.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
  });

  it('fires each event once across many polls and pushes, through every status and tracking change', async () => {
    const { store, poll } = await setup();
    const o = store.addOrder({ billing: { first_name: 'Ana', last_name: 'Lima', phone: '(11) 3333-4444', cellphone: '(11) 98888-7777' } });
    const step = async () => {
      store.now += MIN;
      await poll();
      await poll();
    };
    await step();
    store.setStatus(o.id, 'processing');
    await step();
    store.addTrackingItem(o.id, { provider: 'Correios', number: 'AA123456785BR' });
    await step();
    store.setStatus(o.id, 'completed');
    await step();
    store.addTrackingItem(o.id, { provider: 'jadlog', number: '10012345678901', ast: true, link: 'https://www.jadlog.com.br/tracking?cte=10012345678901' });
    await step();
    store.refund(o.id, '10.00', 'Frete');
    await step();
    store.refund(o.id, '19.35');
    await step();
    for (let i = 0; i < 5; i++) await step();
    const events = eventsOfOrder(handle.db, 'woocommerce', String(o.id));
    const refundIds = store.get(o.id)?.refunds?.map((r) => String(r.id)) ?? [];
    expect(names(events)).toEqual([
      'order_placed',
      'order_processing',
      'shipment_created:AA123456785BR',
      'shipment_created:10012345678901',
      `refund_issued:${refundIds[1]}`,
      `refund_issued:${refundIds[0]}`,
    ]);
    const stored = loadOrder(handle.db, 'woocommerce', String(o.id));
    expect(stored?.order.status).toBe('refunded');
    expect(stored?.phoneE164).toBe('+5511988887777');
    expect(stored?.order.shipments[1]).toMatchObject({ carrier: 'Jadlog', trackingUrl: 'https://www.jadlog.com.br/tracking?cte=10012345678901' });
  });

  it('keeps the cursor on the newest date_modified_gmt and stays inside the lookback window', async () => {
    const { store, poll } = await setup();
    store.now = Date.UTC(2026, 10, 1);
    const old = store.addOrder();
    store.now = Date.UTC(2026, 10, 20);
    store.addOrder();
    const first = await poll(7);
    expect(first.seen).toBe(1);
    expect(loadOrder(handle.db, 'woocommerce', String(old.id))).toBeNull();
    expect(store.requests[0]?.query.get('modified_after')).toBe('2026-11-13T00:00:00');
    store.resetRequests();
    store.now += 10 * MIN;
    await poll(7);
    expect(store.requests[0]?.query.get('modified_after')).toBe('2026-11-19T23:59:59');
    // An old order edited today is a change inside the window.
    store.setStatus(old.id, 'cancelled');
    expect(names((await poll(7)).events)).toEqual(['order_cancelled']);
  });

  it('an incremental poll of a 10,000-order store costs requests proportional to the changed orders', async () => {
    const { store, poll } = await setup();
    store.now = Date.UTC(2026, 9, 1);
    for (let i = 0; i < 10_000; i++) store.addOrder({ status: 'completed' });
    store.now = Date.UTC(2026, 10, 20);
    const ids = Array.from({ length: 10_000 }, (_, i) => 1000 + i);
    expect((await poll(7)).seen).toBe(0); // everything older than the lookback window
    expect(store.countRequests()).toBe(1);

    let previousBatch = 0;
    for (const changed of [0, 7, 100, 250, 0]) {
      store.resetRequests();
      store.now += 5 * MIN;
      for (const id of ids.slice(0, changed)) store.refund(id, '1.00');
      ids.splice(0, changed);
      const result = await poll(7);
      // The 1-second overlap brings back the previous batch (saved in the cursor's second), unchanged.
      expect(result.seen).toBe(changed + previousBatch);
      expect(result.changed).toBe(changed);
      expect(result.events.filter((e) => e.event === 'refund_issued')).toHaveLength(changed);
      expect(store.countRequests(), `${changed} changed`).toBe(Math.max(1, Math.ceil((changed + previousBatch) / 100)));
      previousBatch = changed;
    }
  }, 60_000);

  it('falls back to `after` + client-side filtering when the store ignores modified_after, and remembers it', async () => {
    const { store, poll } = await setup();
    store.behaviour.ignoresModifiedAfter = true;
    store.now = Date.UTC(2026, 9, 1);
    for (let i = 0; i < 150; i++) store.addOrder();
    store.now = Date.UTC(2026, 10, 20);
    const recent = store.addOrder();
    const first = await poll(7);
    expect(first.seen).toBe(1);
    expect(store.requests.some((r) => r.query.get('after') === '2026-11-13T00:00:00')).toBe(true);
    store.resetRequests();
    store.now += MIN;
    store.setStatus(recent.id, 'processing');
    expect(names((await poll(7)).events)).toEqual(['order_processing']);
    expect(store.requests).toHaveLength(1);
    expect(store.requests[0]?.query.get('after')).toBe('2026-11-13T00:01:00');
    expect(names((await poll(7)).events)).toEqual([]);
  });

  it('falls back to query-string auth when the host drops the Authorization header', async () => {
    const { store, poll, client } = await setup();
    store.behaviour.dropsAuthorizationHeader = true;
    store.addOrder();
    expect((await poll()).seen).toBe(1);
    expect(client.authMode).toBe('query');
    expect(store.requests.map((r) => r.auth)).toEqual(['none', 'query']);
    store.resetRequests();
    await poll();
    expect(store.requests.map((r) => r.auth)).toEqual(['query']);
  });
});
