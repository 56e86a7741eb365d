import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { createNotificationStatusRepository } from '../notifications/notification-status-repository';
import { statusSchema } from '../webhook/payload';
import { createGraphClient } from '../whatsapp/graph-client';
import { DEMO } from '../sandbox/demo-world';
import { dispatchHandlers } from './handlers';
import { MINUTE, makeOrder, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();
let hanging: Server | undefined;
afterEach(async () => {
  hanging?.closeAllConnections();
  hanging?.close();
  hanging = undefined;
});

type Row = { id: number; status: string; reason: string | null; attempts: number; next_attempt_at: number | null; error_code: number | null; error: string | null };
const rowsOf = (harness: DispatcherHarness) => harness.rows<Row>('SELECT id, status, reason, attempts, next_attempt_at, error_code, error FROM notifications ORDER BY id');

describe('error behaviours', () => {
  it('permanent recipient error: failed, blacklisted with Meta\'s message and the date, later messages skipped', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 1, maxDelaySeconds: 2 } });
    h.sandbox.control.addFault({ match: 'messages', code: 130403, times: 1 });
    h.addOrder(makeOrder(1));
    h.addOrder(makeOrder(2));
    h.dispatcher.start();
    await h.runUntil(() => h.sent().length === 1 && !h.dispatcher.state().busy);
    const [first, second] = rowsOf(h);
    expect(first).toMatchObject({ status: 'failed', reason: 'recipient_blocked', error_code: 130403 });
    expect(second).toMatchObject({ status: 'sent' });
    const listed = createBlacklistRepository(h.db).find(phoneOf(1));
    expect(listed).toMatchObject({ phone: phoneOf(1), source: 'auto', addedAt: T0 });
    expect(listed?.reason).toMatch(/^130403: /);
    // A later event for the same number is never sent.
    h.addOrder(makeOrder(1, { status: 'processing', updatedAt: T0 + MINUTE }));
    void h.dispatcher.sendNow();
    await h.runUntilTime(T0 + 10 * MINUTE);
    expect(rowsOf(h)[2]).toMatchObject({ status: 'skipped', reason: 'blacklisted' });
    expect(h.sent()).toHaveLength(1);
  });

  it('rate limit: exponential backoff with jitter, retried until sent, never blacklisted', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 130429, times: 3 });
    h.addOrder(makeOrder(1));
    h.dispatcher.start();
    const waits: number[] = [];
    let lastAttempt = -1;
    await h.runUntil(() => {
      const row = rowsOf(h)[0]!;
      if (row.status === 'queued' && row.attempts !== lastAttempt && row.next_attempt_at !== null) {
        lastAttempt = row.attempts;
        waits.push(row.next_attempt_at - h.clock.now());
        expect(row.reason).toBe('rate_limit');
      }
      return h.sent().length === 1;
    });
    // 4^n s steps, half fixed, half random: [0.5, 1] s, [2, 4] s, [8, 16] s.
    expect(waits).toHaveLength(3);
    [1_000, 4_000, 16_000].forEach((base, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(base / 2);
      expect(waits[i]).toBeLessThanOrEqual(base);
    });
    expect(rowsOf(h)[0]).toMatchObject({ status: 'sent', attempts: 4 });
    expect(createBlacklistRepository(h.db).isBlacklisted(phoneOf(1))).toBe(false);
  });

  it('network/5xx: retried with backoff up to the limit, then failed with the reason', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 131000, status: 500, times: 10 });
    h.addOrder(makeOrder(1));
    h.dispatcher.start();
    await h.runUntil(() => rowsOf(h)[0]!.status === 'failed');
    expect(rowsOf(h)[0]).toMatchObject({ status: 'failed', reason: 'retries_exhausted', attempts: 6, error_code: 131000 });
    expect(h.sent()).toHaveLength(0);
    expect(h.clock.now() - T0).toBeGreaterThanOrEqual((1 + 4 + 16 + 64 + 256) * 500);
  });

  it('config error (expired token): pauses everything, keeps the queue, tells the user; resumes on request', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 190, status: 401, times: 1 });
    for (let i = 0; i < 3; i++) h.addOrder(makeOrder(i));
    h.dispatcher.start();
    await h.runUntilTime(T0 + 30 * MINUTE);
    expect(h.sent()).toHaveLength(0);
    const state = h.dispatcher.state();
    expect(state).toMatchObject({ state: 'paused', queueSize: 3, nextDispatchAt: null, pause: { kind: 'config', reason: 'auth', code: 190 } });
    expect(rowsOf(h).map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
    expect(h.pushed.find((e) => e.name === 'notify.desktop')?.payload).toMatchObject({ titleKey: 'notify.dispatchPaused.title', bodyKey: 'notify.dispatchPaused.auth' });
    expect(h.pushed.filter((e) => e.name === 'dispatch.stateChanged').some((e) => (e.payload as { state: string }).state === 'paused')).toBe(true);
    // The fix is made; the user resumes.
    const handlers = dispatchHandlers(h.ctx, h.dispatcher);
    await handlers['dispatch.resume']({});
    expect(await h.runUntil(() => h.sent().length === 3)).toBe(true);
    expect(h.dispatcher.state().pause).toBeNull();
  });

  it('account blocked (368): pauses with that reason', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 368, times: 1 });
    h.addOrder(makeOrder(1));
    h.dispatcher.start();
    await h.runUntilTime(T0 + 5 * MINUTE);
    expect(h.dispatcher.state().pause).toMatchObject({ kind: 'account_blocked', reason: 'policy', code: 368 });
    expect(rowsOf(h)[0]).toMatchObject({ status: 'queued', attempts: 1 });
  });

  it('a timeout is unconfirmed and never resent automatically', async () => {
    hanging = createServer(() => undefined);
    await new Promise<void>((r) => hanging!.listen(0, '127.0.0.1', () => r()));
    const port = (hanging.address() as AddressInfo).port;
    const h = await harnesses.open({
      dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 },
      meta: { client: async () => createGraphClient({ baseUrl: `http://127.0.0.1:${port}`, apiVersion: 'v23.0', accessToken: () => DEMO.accessToken, timeoutMs: 200 }) },
    });
    h.addOrder(makeOrder(1));
    h.dispatcher.start();
    await h.runUntilTime(T0 + 60 * MINUTE);
    expect(rowsOf(h)[0]).toMatchObject({ status: 'unconfirmed', reason: 'timeout', attempts: 1 });
  });
});

describe('crash safety and resend', () => {
  it('a row left `sending` becomes unconfirmed at start-up, is not resent, and a status webhook reconciles it', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.addOrder(makeOrder(1));
    h.addOrder(makeOrder(2));
    // As if the previous process died after committing `sending` for the first row.
    h.db.$client.exec("INSERT INTO app_state (key, value, updated_at) VALUES ('dispatcher.ledgerCursor', '0', 0)");
    h.db.$client
      .prepare("INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at, order_event_id, biz_opaque_id, attempts) VALUES ('1001', ?, 'order_placed', 'sending', ?, ?, 1, '1', 1)")
      .run(phoneOf(1), T0, T0);
    h.dispatcher.start();
    await h.runUntilTime(T0 + 10 * MINUTE);
    expect(h.sent().map((m) => m.input)).toEqual([phoneOf(2)]);
    expect(rowsOf(h)[0]).toMatchObject({ id: 1, status: 'unconfirmed', reason: 'interrupted' });
    // Meta had accepted it: its status webhook carries the opaque id.
    const update = statusSchema.parse({ id: 'wamid.crashed', status: 'delivered', timestamp: String(T0 / 1000 + 5), recipient_id: '5511981000001', biz_opaque_callback_data: '1' });
    expect(createNotificationStatusRepository(h.db).applyStatus(update, h.clock.now()).outcome).toBe('applied');
    expect(h.notification(1)).toMatchObject({ status: 'delivered', wamid: 'wamid.crashed' });
  });

  it('resend: only failed or unconfirmed, as a new queued notification', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 131026, times: 1 });
    h.addOrder(makeOrder(1));
    h.addOrder(makeOrder(2));
    h.dispatcher.start();
    await h.runUntilTime(T0 + 5 * MINUTE);
    const handlers = dispatchHandlers(h.ctx, h.dispatcher);
    const [failed, sent] = rowsOf(h);
    expect(failed).toMatchObject({ status: 'failed', reason: 'not_on_whatsapp' });
    // 131026 is soft: blacklisted on the second hit, not the first.
    expect(createBlacklistRepository(h.db).isBlacklisted(phoneOf(1))).toBe(false);
    await expect(Promise.resolve().then(() => handlers['dispatch.resend']({ notificationId: sent!.id }))).rejects.toMatchObject({ code: 'conflict' });
    const { notificationId } = await handlers['dispatch.resend']({ notificationId: failed!.id });
    await expect(Promise.resolve().then(() => handlers['dispatch.resend']({ notificationId: failed!.id }))).rejects.toMatchObject({ code: 'conflict' });
    await h.runUntil(() => h.sent().length === 2);
    expect(h.notification(notificationId)).toMatchObject({ status: 'sent', resend_of: failed!.id, type: 'order_placed' });
    expect(h.sent()[1]!.bizOpaqueCallbackData).toBe(String(notificationId));
    const queue = await handlers['dispatch.queue']({ limit: 50 });
    expect(queue.total).toBe(0);
  });
});
