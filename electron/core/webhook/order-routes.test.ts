import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TUNNEL_SETTINGS } from '../../../shared/settings/tunnel';
import { ORDER_EVENTS_PATH, WEBHOOK_PATH, WOO_WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { ENDPOINT_MAX_BYTES, signOrderEvent, TIMESTAMP_TOLERANCE_MS } from '../orders/endpoint/order-endpoint';
import { FakeWooStore } from '../orders/woocommerce/testing/fake-woo-server';
import { WOO_WEBHOOK_MAX_BYTES } from '../orders/woocommerce/webhook';
import { makeTempDir } from '../testing/temp-core';
import { requestThroughTunnel, startLocaltunnelServer, type LocaltunnelTestServer } from '../tunnel/testing/localtunnel-server';
import { httpRequest, startTestWebhook, type HttpAnswer, type TestWebhook } from './testing/webhook-test-kit';
import { waitFor } from '../testing/wait-for';

const WOO_SECRET = 'whsec-typed-in-the-woocommerce-form';
const ENDPOINT_SECRET = 'rec_endpoint-secret-0123456789abcdefghijkl';

let temp: ReturnType<typeof makeTempDir> | undefined;
let hook: TestWebhook | undefined;
let lt: LocaltunnelTestServer | undefined;
afterEach(async () => {
  hook?.core.tunnel.stop();
  await hook?.close();
  hook = undefined;
  await lt?.close();
  lt = undefined;
  temp?.remove();
});


type Send = (init: { method?: string; path: string; headers?: Record<string, string>; body?: string }) => Promise<HttpAnswer>;

/**
 * A live-mode core with its webhook server, both order secrets stored, and a way to reach it:
 * straight over loopback, or through the real localtunnel client and the test localtunnel server
 * (Host-header routing), as WooCommerce or an ERP on the internet would.
 */
async function start(via: 'loopback' | 'tunnel'): Promise<{ h: TestWebhook; send: Send }> {
  temp = makeTempDir();
  hook = await startTestWebhook(temp.dir);
  const h = hook;
  h.secrets.set('wooWebhookSecret', WOO_SECRET);
  h.secrets.set('orderEndpointSecret', ENDPOINT_SECRET);
  if (via === 'loopback') return { h, send: (init) => httpRequest(h.server.port, init) };
  lt = await startLocaltunnelServer();
  const server = lt;
  await h.core.invoke('tunnel.saveSettings', { ...DEFAULT_TUNNEL_SETTINGS, localtunnelHost: server.origin });
  h.core.tunnel.start();
  const url = await waitFor('tunnel online', () => h.core.tunnel.state().publicUrl);
  return { h, send: (init) => requestThroughTunnel(server, url, init) };
}

/** Every row the order routes could write: a refused request must leave it as it was. */
function orderDump(h: TestWebhook) {
  const tables = ['orders', 'order_shipments', 'order_refunds', 'order_events', 'order_endpoint_receipts'];
  return Object.fromEntries(tables.map((t) => [t, h.rows(`SELECT * FROM ${t} ORDER BY rowid`)]));
}

const ledger = (h: TestWebhook) => h.rows<{ source: string; external_id: string; event: string; sub_id: string }>(
  'SELECT source, external_id, event, sub_id FROM order_events ORDER BY id',
);

describe.each(['loopback', 'tunnel'] as const)('order routes over %s', (via) => {
  it('WooCommerce: a signed push creates and updates the order once; unsigned, wrongly signed, malformed and replayed ones change nothing', async () => {
    const { h, send } = await start(via);
    const store = new FakeWooStore();
    const order = store.addOrder();
    const post = (d: { body: string; headers: Record<string, string> }) => send({ method: 'POST', path: WOO_WEBHOOK_PATH, headers: d.headers, body: d.body });

    // WooCommerce's creation ping: form-encoded, unsigned, must get 200.
    const ping = await send({ method: 'POST', path: WOO_WEBHOOK_PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'webhook_id=7' });
    expect(ping.status).toBe(200);
    expect(orderDump(h).orders).toEqual([]);

    const created = store.webhookDelivery(order.id, 'order.created', WOO_SECRET);
    const unsigned = { ...created.headers } as Record<string, string>;
    delete unsigned['x-wc-webhook-signature'];
    const before = orderDump(h);
    const refused: [string, Promise<HttpAnswer>, number][] = [
      ['unsigned', post({ body: created.body, headers: unsigned }), 401],
      ['signed with another secret', post(store.webhookDelivery(order.id, 'order.created', 'not-our-secret')), 401],
      ['tampered body', post({ body: created.body.replace('Maria', 'Mario'), headers: created.headers }), 401],
      ['wrong content type', post({ body: created.body, headers: { ...created.headers, 'content-type': 'text/plain' } }), 415],
    ];
    for (const [name, answer, status] of refused) expect((await answer).status, name).toBe(status);
    // Signed, but not an order: malformed.
    const garbage = '{"id":"x"';
    const signedGarbage = store.webhookDelivery(order.id, 'order.created', WOO_SECRET);
    const { createHmac } = await import('node:crypto');
    signedGarbage.headers['x-wc-webhook-signature'] = createHmac('sha256', WOO_SECRET).update(garbage).digest('base64');
    expect((await post({ body: garbage, headers: signedGarbage.headers })).status).toBe(400);
    expect(orderDump(h)).toEqual(before);

    const accepted = await post(created);
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, events: 1 });
    expect(h.rows('SELECT source, external_id, customer_name, phone_e164, status FROM orders')).toEqual([
      { source: 'woocommerce', external_id: String(order.id), customer_name: 'Maria Souza', phone_e164: '+5511987654321', status: 'pending' },
    ]);
    expect(ledger(h)).toEqual([{ source: 'woocommerce', external_id: String(order.id), event: 'order_placed', sub_id: '' }]);

    // WooCommerce redelivers (same bytes, same signature): acknowledged, nothing changes. A
    // non-2xx would make WooCommerce retry and, after a few failures, disable the webhook.
    const afterCreate = orderDump(h);
    const replay = await post(created);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ ok: true, events: 0 });
    expect(orderDump(h)).toEqual(afterCreate);

    store.now += 60_000;
    store.setStatus(order.id, 'processing');
    const updated = store.webhookDelivery(order.id, 'order.updated', WOO_SECRET);
    expect((await post(updated)).status).toBe(200);
    // The older delivery arriving late is ignored too.
    expect(JSON.parse((await post(created)).body)).toMatchObject({ ok: true, stale: true });
    expect(ledger(h).map((e) => e.event)).toEqual(['order_placed', 'order_processing']);
    expect(h.rows('SELECT status FROM orders')).toEqual([{ status: 'processing' }]);
  }, 20_000);

  it('order events: a signed event creates and updates the order once; unsigned, wrongly signed, stale, malformed and replayed ones change nothing', async () => {
    const { h, send } = await start(via);
    const event = (patch: Record<string, unknown> = {}) => ({
      eventId: 'erp-10247-placed',
      event: 'order_placed',
      occurredAt: new Date().toISOString(),
      order: { number: '10247', customerName: 'Maria Souza', phone: '(11) 98765-4321', total: '1234.56' },
      ...patch,
    });
    const post = (body: string, headers: Record<string, string>) =>
      send({ method: 'POST', path: ORDER_EVENTS_PATH, headers: { 'content-type': 'application/json', ...headers }, body });
    const signed = (payload: unknown, { secret = ENDPOINT_SECRET, at = Date.now() } = {}) => {
      const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const ts = String(Math.floor(at / 1000));
      return post(body, { 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(secret, ts, body) });
    };

    const body = JSON.stringify(event());
    const ts = String(Math.floor(Date.now() / 1000));
    const before = orderDump(h);
    const refused: [string, Promise<HttpAnswer>, number, string][] = [
      ['unsigned', post(body, {}), 401, 'unsigned'],
      ['signed with another secret', signed(event(), { secret: 'rec_someone-else' }), 401, 'bad_signature'],
      ['tampered', post(body.replace('1234.56', '1.00'), { 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(ENDPOINT_SECRET, ts, body) }), 401, 'bad_signature'],
      ['stale', signed(event(), { at: Date.now() - TIMESTAMP_TOLERANCE_MS - 60_000 }), 401, 'stale_timestamp'],
      ['malformed JSON', signed('{"eventId":'), 400, 'malformed'],
      ['an unknown event', signed(event({ event: 'order_lost' })), 400, 'malformed'],
    ];
    for (const [name, answer, status, error] of refused) {
      const a = await answer;
      expect(a.status, name).toBe(status);
      expect(JSON.parse(a.body), name).toMatchObject({ ok: false, error });
    }
    const wrongType = await send({ method: 'POST', path: ORDER_EVENTS_PATH, headers: { 'content-type': 'text/plain', 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(ENDPOINT_SECRET, ts, body) }, body });
    expect(wrongType.status).toBe(415);
    expect(orderDump(h)).toEqual(before);

    const accepted = await signed(event());
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, recorded: [{ event: 'order_placed', subId: '' }] });
    expect(h.rows('SELECT source, external_id, phone_e164, total_minor FROM orders')).toEqual([
      { source: 'endpoint', external_id: '10247', phone_e164: '+5511987654321', total_minor: 123456 },
    ]);

    // The same event again (a retrying ERP, a captured request): 409, nothing written.
    const afterPlaced = orderDump(h);
    const replay = await signed(event());
    expect(replay.status).toBe(409);
    expect(JSON.parse(replay.body)).toMatchObject({ ok: false, error: 'replayed', eventId: 'erp-10247-placed' });
    expect(orderDump(h)).toEqual(afterPlaced);

    const shipped = await signed(event({ eventId: 'erp-10247-shipped', event: 'shipment_created', shipment: { carrier: 'Correios', trackingNumber: 'AA123456785BR' } }));
    // A shipment implies the order is being processed (derive-events.ts).
    expect(JSON.parse(shipped.body)).toMatchObject({
      ok: true,
      recorded: [
        { event: 'order_processing', subId: '' },
        { event: 'shipment_created', subId: 'AA123456785BR' },
      ],
    });
    expect(ledger(h)).toEqual([
      { source: 'endpoint', external_id: '10247', event: 'order_placed', sub_id: '' },
      { source: 'endpoint', external_id: '10247', event: 'order_processing', sub_id: '' },
      { source: 'endpoint', external_id: '10247', event: 'shipment_created', sub_id: 'AA123456785BR' },
    ]);
    expect(h.rows('SELECT event_id FROM order_endpoint_receipts ORDER BY event_id')).toEqual([{ event_id: 'erp-10247-placed' }, { event_id: 'erp-10247-shipped' }]);
  }, 20_000);

  it('serves only its routes: other methods and paths are 404, the WhatsApp route is unchanged', async () => {
    const { h, send } = await start(via);
    for (const [method, path] of [
      ['GET', WOO_WEBHOOK_PATH],
      ['GET', ORDER_EVENTS_PATH],
      ['PUT', ORDER_EVENTS_PATH],
      ['DELETE', WOO_WEBHOOK_PATH],
      ['POST', `${ORDER_EVENTS_PATH}/`],
      ['POST', `${WOO_WEBHOOK_PATH}/x`],
      ['POST', '/orders'],
      ['POST', '/webhook'],
      ['GET', '/api/orders.list'],
      ['POST', '/api/orders.list'],
      ['GET', '/index.html'],
    ] as const) {
      const answer = await send({ method, path, headers: { 'content-type': 'application/json' }, ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    // The WhatsApp route still answers as before on the same server.
    expect((await send({ method: 'POST', path: WEBHOOK_PATH, headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect(orderDump(h).orders).toEqual([]);
  }, 20_000);
});

describe('order routes: body limits and configuration', () => {
  it('refuses bodies over each route limit with 413 and writes nothing', async () => {
    const { h, send } = await start('loopback');
    const before = orderDump(h);
    const bigWoo = `{"id":1,"status":"pending","pad":"${'x'.repeat(WOO_WEBHOOK_MAX_BYTES)}"}`;
    const woo = await send({ method: 'POST', path: WOO_WEBHOOK_PATH, headers: { 'content-type': 'application/json', 'x-wc-webhook-signature': 'AAAA' }, body: bigWoo });
    expect(woo.status).toBe(413);
    const bigEvent = `{"eventId":"x","pad":"${'x'.repeat(ENDPOINT_MAX_BYTES)}"}`;
    const endpoint = await send({ method: 'POST', path: ORDER_EVENTS_PATH, headers: { 'content-type': 'application/json' }, body: bigEvent });
    expect(endpoint.status).toBe(413);
    expect(JSON.parse(endpoint.body)).toMatchObject({ error: 'too_large' });
    expect(orderDump(h)).toEqual(before);
  });

  it('without the secrets the routes answer 503 not_configured, and nothing is written', async () => {
    const { h, send } = await start('loopback');
    h.secrets.delete('wooWebhookSecret');
    h.secrets.delete('orderEndpointSecret');
    const store = new FakeWooStore();
    const delivery = store.webhookDelivery(store.addOrder().id, 'order.created', WOO_SECRET);
    expect((await send({ method: 'POST', path: WOO_WEBHOOK_PATH, headers: delivery.headers, body: delivery.body })).status).toBe(503);
    const body = '{"eventId":"e1"}';
    const ts = String(Math.floor(Date.now() / 1000));
    const answer = await send({ method: 'POST', path: ORDER_EVENTS_PATH, headers: { 'content-type': 'application/json', 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(ENDPOINT_SECRET, ts, body) }, body });
    expect(answer.status).toBe(503);
    expect(orderDump(h).orders).toEqual([]);
  });
});
