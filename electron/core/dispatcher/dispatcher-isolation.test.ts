import { describe, expect, it } from 'vitest';
import type { DesktopNotification, DispatchState } from '../../../shared/contract/methods/dispatch';
import { desktopNotificationText } from '../../../shared/i18n/desktop-notifications';
import { dispatchHandlers } from './handlers';
import { MINUTE, makeOrder, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();

type Row = { id: number; order_number: string; status: string; reason: string | null; error: string | null; attempts: number };
const rowsOf = (harness: DispatcherHarness) => harness.rows<Row>('SELECT id, order_number, status, reason, error, attempts FROM notifications ORDER BY id');

/** A database written by an older version still holds orders today's sources refuse. */
function storeOldCurrency(harness: DispatcherHarness, externalId: string, currency: string) {
  harness.db.$client.prepare('UPDATE orders SET currency = ? WHERE external_id = ?').run(currency, externalId);
}

describe('one notification never stops the others', () => {
  it('an order with a currency Intl does not know fails alone, in words; the rest of the batch is sent', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    for (let i = 1; i <= 4; i++) h.addOrder(makeOrder(i));
    storeOldCurrency(h, '1002', 'USDT');
    h.dispatcher.start();
    expect(await h.runUntil(() => h.sent().length === 3 && !h.dispatcher.state().busy)).toBe(true);

    const rows = rowsOf(h);
    expect(rows.find((r) => r.order_number === '1002')).toMatchObject({ status: 'failed', reason: 'invalid_currency', error: 'USDT', attempts: 0 });
    expect(rows.filter((r) => r.order_number !== '1002').map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(h.sent().map((m) => m.waId).sort()).toEqual(['5511981000001', '5511981000003', '5511981000004']);
    // Nothing is stuck: no pause, nothing pending, and the next run does not try it again.
    expect(h.dispatcher.state()).toMatchObject({ state: 'running', pause: null, queueSize: 0, oldestQueuedAt: null });
    await h.runUntilTime(T0 + 10 * MINUTE);
    expect(h.sent()).toHaveLength(3);
    expect(h.logLines.some((l) => l.includes('notification cannot be rendered'))).toBe(true);
  });

  it('a run that fails outside any one notification pauses with the reason, shown in the state and a desktop notice', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    for (let i = 1; i <= 3; i++) h.addOrder(makeOrder(i));
    h.dispatcher.start();
    // The database turns read-only while the run polls (a full disk, a locked file): every write fails.
    h.db.$client.pragma('query_only = ON');
    expect(await h.runUntil(() => h.dispatcher.state().state === 'paused' && !h.dispatcher.state().busy)).toBe(true);

    const state = h.dispatcher.state();
    expect(state).toMatchObject({ state: 'paused', nextDispatchAt: null, pause: { kind: 'error', reason: 'run_failed', code: null } });
    expect(state.pause?.message).toMatch(/readonly|read-only/i);
    expect(h.sent()).toHaveLength(0);
    const notice = h.pushed.find((e) => e.name === 'notify.desktop')?.payload as DesktopNotification | undefined;
    expect(notice).toMatchObject({ titleKey: 'notify.dispatchPaused.title', bodyKey: 'notify.dispatchPaused.run_failed' });
    // The main process words it (it has no i18next): a real sentence, not the fallback about Meta.
    expect(desktopNotificationText('pt-BR', notice!.bodyKey)).toMatch(/erro no próprio Recado/);
    const lastState = h.pushed.filter((e) => e.name === 'dispatch.stateChanged').at(-1)?.payload as DispatchState;
    expect(lastState.state).toBe('paused');
    // Stays paused: no run pretends to be "running" meanwhile.
    await h.runUntilTime(T0 + 30 * MINUTE);
    expect(h.dispatcher.state().state).toBe('paused');

    // The owner fixed it and resumes: everything goes.
    h.db.$client.pragma('query_only = OFF');
    await dispatchHandlers(h.ctx, h.dispatcher)['dispatch.resume']({});
    expect(await h.runUntil(() => h.sent().length === 3)).toBe(true);
    expect(h.dispatcher.state().pause).toBeNull();
  });

  it('pending counts order events the next run will queue, and says how old the oldest one is', async () => {
    const h = await harnesses.open({ dispatch: { enabled: false } });
    h.dispatcher.start();
    await h.runUntilTime(T0 + MINUTE);
    for (let i = 1; i <= 3; i++) h.addOrder(makeOrder(i));
    h.clock.advanceTo(T0 + 2 * MINUTE);
    // Before the next run: the handler turns the recorded events into queued rows first.
    const state = dispatchHandlers(h.ctx, h.dispatcher)['dispatch.state']({}) as DispatchState;
    expect(state).toMatchObject({ state: 'disabled', queueSize: 3, oldestQueuedAt: T0 + 2 * MINUTE, oldestQueuedAgeMs: 0 });
    h.clock.advanceTo(T0 + 7 * MINUTE);
    expect(h.dispatcher.state()).toMatchObject({ queueSize: 3, oldestQueuedAgeMs: 5 * MINUTE });
    expect(h.sent()).toHaveLength(0);
  });
});
