import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../orders/order-source';
import { THROUGHPUT_BURST, THROUGHPUT_GAP_MS } from './throughput';
import { MINUTE, makeOrder, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();

const statusCounts = (harness: DispatcherHarness) =>
  Object.fromEntries(harness.rows<{ status: string; n: number }>('SELECT status, count(*) n FROM notifications GROUP BY status').map((r) => [r.status, r.n]));

describe('pacing', () => {
  it('separates sends by a uniform random delay within [min, max], spread across the range', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 8, maxDelaySeconds: 25, maxPerBatch: 80 } });
    for (let i = 0; i < 80; i++) h.addOrder(makeOrder(i));
    h.dispatcher.start();
    expect(await h.runUntil(() => h.sent().length === 80)).toBe(true);
    const times = h.sent().map((m) => m.acceptedAt);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toHaveLength(79);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(8_000);
      expect(gap).toBeLessThanOrEqual(25_000);
    }
    // Spread: every quarter of the range is used, none holds more than half the gaps.
    const quarters = [0, 0, 0, 0];
    for (const gap of gaps) quarters[Math.min(3, Math.floor(((gap - 8_000) / 17_000) * 4))]!++;
    for (const q of quarters) {
      expect(q).toBeGreaterThanOrEqual(8);
      expect(q).toBeLessThanOrEqual(40);
    }
    // The first message of the run goes at once: the delay is between sends.
    expect(times[0]).toBe(T0);
  });

  it('with no anti-ban delay, spaces requests to stay under Meta\'s 80 msg/s: 200 sends, no throughput error', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0, maxPerBatch: 500 }, sandbox: { rateLimits: { messagesPerSecond: 80 } } });
    for (let i = 0; i < 200; i++) h.addOrder(makeOrder(i));
    h.dispatcher.start();
    expect(await h.runUntil(() => h.sent().length === 200)).toBe(true);
    const times = h.sent().map((m) => m.acceptedAt);
    // A small burst, then one request per 12.5 ms: never faster than Meta's 80 msg/s for long.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((times.length - THROUGHPUT_BURST) * THROUGHPUT_GAP_MS);
    expect(h.rows('SELECT id FROM notifications WHERE error_code IS NOT NULL')).toEqual([]);
  });

  it('sends at most max-per-batch per run and the rest at the following intervals', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 1, maxDelaySeconds: 2, maxPerBatch: 3, pollingIntervalSeconds: 300 } });
    for (let i = 0; i < 8; i++) h.addOrder(makeOrder(i));
    h.dispatcher.start();
    await h.runUntil(() => h.sent().length === 3 && !h.dispatcher.state().busy);
    const state = h.dispatcher.state();
    expect(h.sent()).toHaveLength(3);
    expect(state.queueSize).toBe(5);
    expect(state.state).toBe('running');
    expect(state.nextDispatchAt).toBe(T0 + 300_000);
    const pushedStates = h.pushed.filter((e) => e.name === 'dispatch.stateChanged');
    expect(pushedStates.length).toBeGreaterThan(0);
    await h.runUntil(() => h.sent().length === 8);
    const batches = new Set(h.sent().map((m) => Math.floor((m.acceptedAt - T0) / 300_000)));
    expect([...batches]).toEqual([0, 1, 2]);
    expect(h.dispatcher.state().queueSize).toBe(0);
  });

  it('skips events older than the lookback window and sends the recent ones', async () => {
    const h = await harnesses.open({ dispatch: { lookbackDays: 7, minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.addOrder(makeOrder(1, { createdAt: T0 - 10 * DAY_MS, updatedAt: T0 - 10 * DAY_MS }));
    h.addOrder(makeOrder(2, { createdAt: T0 - 6 * DAY_MS, updatedAt: T0 - 6 * DAY_MS }));
    h.dispatcher.start();
    await h.runUntil(() => h.sent().length === 1 && !h.dispatcher.state().busy);
    await h.runUntilTime(T0 + 10 * MINUTE);
    expect(h.sent().map((m) => m.input)).toEqual([phoneOf(2)]);
    const rows = h.rows<{ order_number: string; status: string; reason: string | null }>('SELECT order_number, status, reason FROM notifications ORDER BY order_number');
    expect(rows).toEqual([
      { order_number: '1001', status: 'skipped', reason: 'outside_lookback' },
      { order_number: '1002', status: 'sent', reason: null },
    ]);
  });

  it('master switch off: polls and keeps the queue, sends nothing; on again: sends', async () => {
    const h = await harnesses.open({ dispatch: { enabled: false, minDelaySeconds: 0, maxDelaySeconds: 1 } });
    for (let i = 0; i < 3; i++) h.addOrder(makeOrder(i));
    h.dispatcher.start();
    await h.runUntilTime(T0 + 30 * MINUTE);
    expect(h.sent()).toHaveLength(0);
    expect(h.dispatcher.state()).toMatchObject({ state: 'disabled', enabled: false, queueSize: 3, nextDispatchAt: null });
    h.settings.dispatch.set({ ...h.settings.dispatch.get(), enabled: true });
    h.ctx.events.emit('settings.dispatchChanged', h.settings.dispatch.get());
    expect(await h.runUntil(() => h.sent().length === 3)).toBe(true);
    expect(statusCounts(h)).toEqual({ sent: 3 });
  });
});

describe('events', () => {
  it('every event type is sent once, whatever the number of polls', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 1, pollingIntervalSeconds: 60 } });
    let order = makeOrder(1);
    const step = async (patch: Partial<typeof order>) => {
      order = { ...order, ...patch, updatedAt: h.clock.now() };
      h.addOrder(order);
      // Several polls (interval + send now) over the same state.
      for (let i = 0; i < 3; i++) {
        void h.dispatcher.sendNow();
        await h.runUntilTime(h.clock.now() + 2 * MINUTE);
      }
    };
    h.dispatcher.start();
    await step({});
    await step({ status: 'processing' });
    const t = () => h.clock.now();
    await step({
      status: 'completed',
      shipments: [{ id: 'AA123456785BR', carrier: 'Correios', trackingNumber: 'AA123456785BR', trackingUrl: null, shippedAt: t(), deliveredAt: null }],
    });
    await step({
      shipments: [
        { id: 'AA123456785BR', carrier: 'Correios', trackingNumber: 'AA123456785BR', trackingUrl: null, shippedAt: t(), deliveredAt: t() },
        { id: 'JD000111222', carrier: 'Jadlog', trackingNumber: 'JD000111222', trackingUrl: null, shippedAt: t(), deliveredAt: null },
      ],
    });
    await step({ refunds: [{ id: 'r1', amountMinor: 3456, at: t(), reason: null }] });
    let other = makeOrder(2);
    other = { ...other, status: 'cancelled', cancelReason: 'Pagamento não aprovado', updatedAt: t() };
    h.addOrder(makeOrder(2, { updatedAt: t() }));
    await step({});
    h.addOrder(other);
    await step({});
    await h.runUntilTime(t() + 10 * MINUTE);

    const names = h.sent().map((m) => `${m.input}:${m.template?.name}`);
    expect(names.sort()).toEqual(
      [
        `${phoneOf(1)}:pedido_confirmado`,
        `${phoneOf(1)}:pedido_em_processamento`,
        `${phoneOf(1)}:pedido_enviado`,
        `${phoneOf(1)}:pedido_enviado`,
        `${phoneOf(1)}:pedido_entregue`,
        `${phoneOf(1)}:reembolso_emitido`,
        `${phoneOf(2)}:pedido_confirmado`,
        `${phoneOf(2)}:pedido_cancelado`,
      ].sort(),
    );
    const shipped = h.sent().filter((m) => m.template?.name === 'pedido_enviado').map((m) => m.rendered);
    expect(shipped.some((r) => r.includes('AA123456785BR') && r.includes('Correios'))).toBe(true);
    expect(shipped.some((r) => r.includes('JD000111222') && r.includes('Jadlog'))).toBe(true);
    expect(h.sent().find((m) => m.template?.name === 'pedido_cancelado')?.rendered).toContain('Motivo: Pagamento não aprovado');
    expect(h.sent().find((m) => m.template?.name === 'reembolso_emitido')?.rendered).toContain('Valor: R$ 34,56');
    // One row per ledger event, each sent once (biz_opaque = the row id, never twice).
    const opaque = h.sent().map((m) => m.bizOpaqueCallbackData);
    expect(new Set(opaque).size).toBe(opaque.length);
    expect(statusCounts(h)).toEqual({ sent: 8 });
  });

  it('skips a disabled event with its reason', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.settings.events.set({ ...h.settings.events.get(), order_placed: false });
    h.addOrder(makeOrder(1));
    h.addOrder(makeOrder(2, { phone: '12345' }));
    h.settings.events.set({ ...h.settings.events.get(), order_placed: true });
    h.addOrder(makeOrder(3, { phone: null }));
    h.addOrder(makeOrder(4, { phone: '(11) 3333-4444' }));
    h.settings.events.set({ ...h.settings.events.get(), order_placed: false });
    h.dispatcher.start();
    await h.runUntilTime(T0 + 5 * MINUTE);
    h.settings.events.set({ ...h.settings.events.get(), order_placed: true });
    h.addOrder(makeOrder(5, { phone: '(11) 3333-4444' }));
    h.addOrder(makeOrder(6, { phone: '(11) 9 8888-7777' }));
    h.addOrder(makeOrder(7, { phone: '' }));
    void h.dispatcher.sendNow();
    await h.runUntilTime(T0 + 10 * MINUTE);
    const rows = h.rows<{ order_number: string; status: string; reason: string | null; error: string | null }>(
      'SELECT order_number, status, reason, error FROM notifications ORDER BY order_number',
    );
    expect(rows).toEqual([
      { order_number: '1001', status: 'skipped', reason: 'event_disabled', error: null },
      { order_number: '1002', status: 'skipped', reason: 'event_disabled', error: null },
      { order_number: '1003', status: 'skipped', reason: 'event_disabled', error: null },
      { order_number: '1004', status: 'skipped', reason: 'event_disabled', error: null },
      { order_number: '1005', status: 'skipped', reason: 'invalid_phone', error: 'phone.reason.landline' },
      { order_number: '1006', status: 'sent', reason: null, error: null },
      { order_number: '1007', status: 'skipped', reason: 'no_phone', error: null },
    ]);
    expect(h.sent().map((m) => m.input)).toEqual(['+5511988887777']);
  });
});

describe('pair limit', () => {
  it('never sends two messages to the same number within 6 s, even with a shorter delay', async () => {
    // The Sandbox refuses a second message within 6 s (burst 1): a violation would show as 131056.
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 2 }, sandbox: { rateLimits: { pairBurst: 1, pairIntervalMs: 6_000 } } });
    const t = T0 - MINUTE;
    h.addOrder(
      makeOrder(1, {
        status: 'completed',
        shipments: [{ id: 'S1', carrier: 'Correios', trackingNumber: 'S1', trackingUrl: null, shippedAt: t, deliveredAt: null }],
      }),
    );
    // First seen shipped: placed/processing are superseded; ship a second parcel and refund too.
    h.addOrder(
      makeOrder(1, {
        status: 'completed',
        updatedAt: t + 1,
        shipments: [
          { id: 'S1', carrier: 'Correios', trackingNumber: 'S1', trackingUrl: null, shippedAt: t, deliveredAt: null },
          { id: 'S2', carrier: 'Correios', trackingNumber: 'S2', trackingUrl: null, shippedAt: t, deliveredAt: null },
        ],
        refunds: [{ id: 'r1', amountMinor: 100, at: t, reason: null }],
      }),
    );
    h.addOrder(makeOrder(2));
    h.dispatcher.start();
    expect(await h.runUntil(() => h.sent().length === 4)).toBe(true);
    const toOne = h.sent().filter((m) => m.input === phoneOf(1)).map((m) => m.acceptedAt);
    expect(toOne).toHaveLength(3);
    for (let i = 1; i < toOne.length; i++) expect(toOne[i]! - toOne[i - 1]!).toBeGreaterThanOrEqual(6_000);
    expect(h.rows('SELECT id FROM notifications WHERE error_code = 131056')).toEqual([]);
    expect(statusCounts(h)).toEqual({ sent: 4, skipped: 2 });
  });
});
