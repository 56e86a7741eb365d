import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WOO_SETTINGS } from '../../../../shared/settings/woocommerce';
import { createLogger, memorySink } from '../../platform/logger';
import { eventsOfOrder } from '../event-ledger';
import { openTempOrdersDb } from '../testing/orders-db';
import { FakeWooStore } from './testing/fake-woo-server';
import { wooHarness } from './testing/woo-harness';
import { testWooConnection } from './test-connection';
import { wooWebhookHandler, type WooWebhookDeps } from './webhook';

const cleanups: (() => Promise<void> | void)[] = [];
/** A code of Correios' shape (two letters, nine digits, BR), unique per order. */
const correiosCode = (id: number) => `AA${String(id).padStart(9, '0')}BR`;
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function store() {
  const s = new FakeWooStore();
  await s.listen();
  cleanups.push(() => s.close());
  return s;
}
const opts = (s: FakeWooStore, patch = {}) => ({ storeUrl: s.url, consumerKey: s.key, consumerSecret: s.secret, queryStringAuth: false, timeoutMs: 2000, ...patch });

describe('WooCommerce "Test connection"', () => {
  it('succeeds with the right keys and reports what it sees', async () => {
    const s = await store();
    s.addOrder();
    s.addOrder();
    expect(await testWooConnection(opts(s))).toEqual({ ok: true, ordersVisible: 2, authMode: 'basic' });
  });

  it('reports the query-string fallback when the host drops the header', async () => {
    const s = await store();
    s.behaviour.dropsAuthorizationHeader = true;
    expect(await testWooConnection(opts(s))).toMatchObject({ ok: true, authMode: 'query' });
  });

  it.each([
    ['wrong keys (401)', (s: FakeWooStore) => opts(s, { consumerSecret: 'cs_wrong_wrong_wrong' }), {}, { code: 'wrong_keys', status: 401 }],
    ['REST route missing (404 rest_no_route)', opts, { noRoute: true }, { code: 'rest_unreachable', status: 404, detail: 'rest_no_route' }],
    ['permalinks off (HTML 404)', opts, { permalinksOff: true }, { code: 'rest_unreachable', status: 404 }],
    ['HTML instead of JSON', opts, { htmlChallenge: true }, { code: 'not_json', status: 200 }],
    ['timeout', (s: FakeWooStore) => opts(s, { timeoutMs: 200 }), { delayMs: 1500 }, { code: 'timeout' }],
  ] as const)('%s', async (_name, options, behaviour, expected) => {
    const s = await store();
    s.behaviour = behaviour;
    expect(await testWooConnection(options(s))).toMatchObject({ ok: false, ...expected });
  });

  it('refuses plain HTTP unless the store is on this machine, without sending the keys', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('[]');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as AddressInfo).port;
    const base = { consumerKey: 'ck_12345678', consumerSecret: 'cs_12345678', queryStringAuth: false, timeoutMs: 2000 };
    expect(await testWooConnection({ ...base, storeUrl: 'http://loja.example.com.br' })).toMatchObject({ ok: false, code: 'not_https' });
    expect(await testWooConnection({ ...base, storeUrl: 'not a url' })).toMatchObject({ ok: false, code: 'invalid_url' });
    expect(await testWooConnection({ ...base, storeUrl: '' })).toMatchObject({ ok: false, code: 'not_configured' });
    expect(hits).toBe(0);
    expect(await testWooConnection({ ...base, storeUrl: `http://localhost:${port}` })).toMatchObject({ ok: true });
  });

  it('reports JSON that is not an orders list (a proxy or plugin answering for the store) as not_json, in words', async () => {
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"orders":[{"id":1}]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as AddressInfo).port;
    const base = { consumerKey: 'ck_12345678', consumerSecret: 'cs_12345678', queryStringAuth: false, timeoutMs: 2000 };
    expect(await testWooConnection({ ...base, storeUrl: `http://127.0.0.1:${port}` })).toEqual({ ok: false, code: 'not_json', status: 200, detail: 'not an array' });
  });

  it('reports an unreachable store as a network error', async () => {
    const s = await store();
    const url = s.url;
    await s.close();
    expect(await testWooConnection({ ...opts(s), storeUrl: url })).toMatchObject({ ok: false, code: 'network' });
  });
});

describe('WooCommerce webhooks', () => {
  const SECRET = 'whsec-from-woocommerce-form';

  async function setup() {
    const handle = openTempOrdersDb();
    cleanups.push(() => handle.close());
    const h = await wooHarness(handle.db);
    cleanups.push(() => h.store.close());
    const deps: WooWebhookDeps = {
      db: handle.db,
      settings: () => DEFAULT_WOO_SETTINGS,
      webhookSecret: () => SECRET,
      now: () => h.store.now,
      logger: createLogger(memorySink()),
    };
    const app = new Hono();
    app.post('/webhook/woocommerce', wooWebhookHandler(deps));
    const push = (id: number, topic: 'order.created' | 'order.updated' | 'order.deleted' = 'order.updated', secret = SECRET) => {
      const { body, headers } = h.store.webhookDelivery(id, topic, secret);
      return app.request('/webhook/woocommerce', { method: 'POST', body, headers });
    };
    return { ...h, db: handle.db, app, push };
  }

  it('answers the form-encoded creation ping with 200', async () => {
    const { app } = await setup();
    const res = await app.request('/webhook/woocommerce', { method: 'POST', body: 'webhook_id=7', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
  });

  it('refuses unsigned and wrongly signed deliveries, and a tampered body', async () => {
    const { app, store: s, push, db } = await setup();
    const o = s.addOrder();
    expect((await push(o.id, 'order.created', 'another-secret')).status).toBe(401);
    const { body, headers } = s.webhookDelivery(o.id, 'order.created', SECRET);
    const unsigned: Record<string, string> = { ...headers };
    delete unsigned['x-wc-webhook-signature'];
    expect((await app.request('/webhook/woocommerce', { method: 'POST', body, headers: unsigned })).status).toBe(401);
    expect((await app.request('/webhook/woocommerce', { method: 'POST', body: body.replace('Maria', 'Mario'), headers })).status).toBe(401);
    expect(eventsOfOrder(db, 'woocommerce', String(o.id))).toEqual([]);
  });

  it('pushes and polls of the same orders fire each event once, whatever arrives first', async () => {
    const { store: s, push, poll, db } = await setup();
    const a = s.addOrder();
    const b = s.addOrder();
    expect(await (await push(a.id, 'order.created')).json()).toMatchObject({ ok: true, events: 1 });
    await poll();
    for (let round = 0; round < 6; round++) {
      s.now += 60_000;
      const status = ['processing', 'completed', 'completed', 'refunded', 'refunded', 'refunded'][round] ?? 'completed';
      for (const id of [a.id, b.id]) {
        if (round === 2) s.addTrackingItem(id, { provider: 'correios', number: correiosCode(id) });
        else if (round === 3) s.refund(id, '5.00');
        else s.setStatus(id, status);
      }
      // Webhooks redelivered, out of order, interleaved with polls.
      await push(b.id);
      await poll();
      await push(a.id);
      await push(a.id);
      await poll();
      await push(b.id);
    }
    for (const o of [a, b]) {
      const events = eventsOfOrder(db, 'woocommerce', String(o.id)).map((e) => `${e.event}:${e.subId}`);
      expect(new Set(events).size).toBe(events.length);
      expect(events).toEqual(
        expect.arrayContaining(['order_placed:', 'order_processing:', 'shipment_created:untracked', `shipment_created:${correiosCode(o.id)}`]),
      );
      expect(events.filter((e) => e.startsWith('refund_issued'))).toHaveLength(1);
    }
  });

  it('acknowledges and ignores a late delivery older than what the poll already stored', async () => {
    const { store: s, app, poll, db } = await setup();
    const o = s.addOrder();
    const stale = s.webhookDelivery(o.id, 'order.updated', SECRET);
    expect(stale.body).toContain('"status":"pending"');
    s.now += 60_000;
    s.setStatus(o.id, 'processing');
    await poll();
    const res = await app.request('/webhook/woocommerce', { method: 'POST', body: stale.body, headers: stale.headers });
    expect(await res.json()).toMatchObject({ ok: true, stale: true });
    expect(eventsOfOrder(db, 'woocommerce', String(o.id)).map((e) => e.event)).toEqual(['order_placed', 'order_processing']);
  });
});
