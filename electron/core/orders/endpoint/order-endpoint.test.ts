import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../platform/logger';
import { eventsOfOrder } from '../event-ledger';
import { loadOrder } from '../order-book';
import { listRefused } from '../refused-orders';
import { openTempOrdersDb } from '../testing/orders-db';
import { orderEndpointHandler, signOrderEvent, TIMESTAMP_TOLERANCE_MS } from './order-endpoint';

let handle: ReturnType<typeof openTempOrdersDb>;
afterEach(() => handle?.close());

const SECRET = 'rec_test-secret-0123456789abcdefghijklmnop';
let now = Date.UTC(2026, 10, 23, 15, 0, 0);

function setup() {
  handle = openTempOrdersDb();
  const app = new Hono();
  app.post('/orders/events', orderEndpointHandler({ db: handle.db, secret: () => SECRET, now: () => now, logger: createLogger(memorySink()) }));
  const send = (body: string, headers: Record<string, string>) =>
    app.request('/orders/events', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const signed = (payload: unknown, { secret = SECRET, at = now } = {}) => {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(at / 1000));
    return send(body, { 'x-recado-timestamp': timestamp, 'x-recado-signature': signOrderEvent(secret, timestamp, body) });
  };
  return { app, send, signed, db: handle.db };
}

const placed = (patch: Record<string, unknown> = {}) => ({
  eventId: 'erp-10247-placed',
  event: 'order_placed',
  occurredAt: '2026-11-23T11:58:00-03:00',
  order: { number: '10247', customerName: 'Maria Souza', phone: '(11) 98765-4321', total: '1234.56', currency: 'BRL' },
  ...patch,
});

describe('signed order-event endpoint', () => {
  it('accepts a correct event, creates the order and records its event', async () => {
    const { signed, db } = setup();
    const res = await signed(placed());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, recorded: [{ event: 'order_placed', subId: '' }] });
    expect(loadOrder(db, 'endpoint', '10247')).toMatchObject({
      phoneE164: '+5511987654321',
      order: { totalMinor: 123456, status: 'pending', createdAt: Date.parse('2026-11-23T11:58:00-03:00') },
    });
  });

  it('reads amounts in the order’s currency: guaraníes have no centavos, reais do', async () => {
    const { signed, db } = setup();
    expect((await signed(placed({ eventId: 'pyg-1', order: { number: 'PY1', customerName: 'Ana', total: '50000', currency: 'PYG' } }))).status).toBe(200);
    expect(loadOrder(db, 'endpoint', 'PY1')?.order).toMatchObject({ totalMinor: 50000, currency: 'PYG' });
    const refund = { eventId: 'pyg-2', event: 'refund_issued', occurredAt: '2026-11-23T12:00:00-03:00', order: { number: 'PY1', customerName: 'Ana' }, refund: { id: 'r1', amount: 12000 } };
    expect((await signed(refund)).status).toBe(200);
    expect(loadOrder(db, 'endpoint', 'PY1')?.order.refunds).toEqual([expect.objectContaining({ id: 'r1', amountMinor: 12000 })]);
  });

  it('refuses unsigned, wrongly signed, stale, malformed and replayed events', async () => {
    const { send, signed, db } = setup();
    const body = JSON.stringify(placed());
    expect(await (await send(body, {})).json()).toMatchObject({ error: 'unsigned' });
    expect((await signed(placed(), { secret: 'rec_someone-else' })).status).toBe(401);
    const ts = String(Math.floor(now / 1000));
    const tampered = await send(body.replace('1234.56', '1.00'), { 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(SECRET, ts, body) });
    expect(await tampered.json()).toMatchObject({ error: 'bad_signature' });
    const stale = await signed(placed(), { at: now - TIMESTAMP_TOLERANCE_MS - 1000 });
    expect(await stale.json()).toMatchObject({ error: 'stale_timestamp' });
    expect(loadOrder(db, 'endpoint', '10247')).toBeNull();

    const malformed = await signed({ ...placed(), event: 'order_lost', order: { number: '' } });
    expect(malformed.status).toBe(400);
    const answer = (await malformed.json()) as { issues: { path: string }[] };
    expect(answer.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['event', 'order.number', 'order.customerName']));
    expect((await signed({ ...placed(), event: 'refund_issued' })).status).toBe(400);
    const notJson = '{"eventId":';
    expect((await send(notJson, { 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(SECRET, ts, notJson) })).status).toBe(400);

    expect((await signed(placed())).status).toBe(200);
    now += 1000;
    const replay = await signed(placed());
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: 'replayed', eventId: 'erp-10247-placed' });
    expect(eventsOfOrder(db, 'endpoint', '10247')).toHaveLength(1);
  });

  it('drives an order through every event; a new event id for an already-seen fact fires nothing', async () => {
    const { signed, db } = setup();
    const shipment = { carrier: 'Correios', trackingNumber: 'AA123456785BR' };
    const steps = [
      placed(),
      placed({ eventId: 'e2', event: 'order_processing' }),
      placed({ eventId: 'e3', event: 'shipment_created', shipment }),
      placed({ eventId: 'e3-again', event: 'shipment_created', shipment }),
      placed({ eventId: 'e4', event: 'shipment_delivered', shipment: { ...shipment, deliveredAt: '2026-11-25T10:00:00-03:00' } }),
      placed({ eventId: 'e5', event: 'refund_issued', refund: { id: 'rf-1', amount: '34.56', reason: 'Troca' } }),
      placed({ eventId: 'e6', event: 'order_cancelled', cancelReason: 'Cliente desistiu' }),
    ];
    const recorded: string[] = [];
    for (const step of steps) {
      now += 1000;
      const res = await signed(step);
      expect(res.status).toBe(200);
      const { recorded: r } = (await res.json()) as { recorded: { event: string; subId: string }[] };
      recorded.push(...r.map((e) => (e.subId ? `${e.event}:${e.subId}` : e.event)));
    }
    expect(recorded).toEqual([
      'order_placed',
      'order_processing',
      'shipment_created:AA123456785BR',
      'shipment_delivered:AA123456785BR',
      'refund_issued:rf-1',
      'order_cancelled',
    ]);
    expect(loadOrder(db, 'endpoint', '10247')?.order).toMatchObject({ status: 'cancelled', cancelReason: 'Cliente desistiu' });
  });

  it('refuses an order the schema refuses, records it for the owner, and takes the same event id once fixed', async () => {
    const { signed, db } = setup();
    // Malformed body pieces (shared schema): 400 with the field, recorded under the order number.
    const usdt = await signed(placed({ order: { number: '10247', customerName: 'Maria Souza', total: '10.00', currency: 'USDT' } }));
    expect(usdt.status).toBe(400);
    expect(await usdt.json()).toMatchObject({ error: 'malformed', issues: [{ path: 'order.currency', key: 'validation.currency' }] });
    const emoji = await signed(placed({ eventId: 'e-emoji', event: 'shipment_created', shipment: { carrier: 'Jadlog', trackingNumber: '😀 abc' } }));
    expect(await emoji.json()).toMatchObject({ error: 'malformed', issues: [{ path: 'shipment.trackingNumber', key: 'validation.trackingCode' }] });
    // The order as a whole fails (a Correios code of the wrong shape; a total past the limit): 422.
    const shipped = placed({ eventId: 'e-ship', event: 'shipment_created', shipment: { carrier: 'Correios', trackingNumber: 'JD123' } });
    const wrongShape = await signed(shipped);
    expect(wrongShape.status).toBe(422);
    expect(await wrongShape.json()).toMatchObject({ error: 'refused', issues: [{ path: 'shipments.0.trackingNumber', key: 'validation.trackingCodeCorreios' }] });
    const huge = await signed(placed({ eventId: 'e-huge', order: { number: '10300', customerName: 'Ana', total: '9999999999.99' } }));
    expect(huge.status).toBe(422);
    expect(await huge.json()).toMatchObject({ issues: [{ path: 'totalMinor', key: 'validation.amountTooLarge' }] });
    expect(loadOrder(db, 'endpoint', '10247')).toBeNull();

    const listed = listRefused(db);
    expect(listed.total).toBe(2);
    expect(listed.rows.find((r) => r.externalId === '10247')).toMatchObject({
      source: 'endpoint',
      number: '10247',
      times: 3,
      issues: [{ path: 'shipments.0.trackingNumber', key: 'validation.trackingCodeCorreios' }],
      excerpt: [{ path: 'shipments.0.trackingNumber', value: '"JD123"' }],
    });
    // Fixed at the sender, same event id: accepted (the refusal consumed no id) and the entry is gone.
    now += 1000;
    const fixed = await signed({ ...shipped, shipment: { carrier: 'Correios', trackingNumber: 'aa123456785br' } });
    expect(fixed.status).toBe(200);
    expect(loadOrder(db, 'endpoint', '10247')?.order.shipments[0]?.trackingNumber).toBe('aa123456785br');
    expect(listRefused(db).rows.map((r) => r.externalId)).toEqual(['10300']);
  });
});
