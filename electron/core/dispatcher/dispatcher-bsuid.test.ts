import { afterEach, describe, expect, it } from 'vitest';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { MINUTE, makeOrder, openDispatcherHarness, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';

let h: DispatcherHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Row = { status: string; reason: string | null; error_code: number | null; error: string | null };
const rowsOf = (harness: DispatcherHarness) => harness.rows<Row>('SELECT status, reason, error_code, error FROM notifications ORDER BY id');

describe('Meta refuses the recipient identifier (131062)', () => {
  it('fails that notification with the reason, never blacklists the number, and the next event is sent', async () => {
    h = await openDispatcherHarness({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 131062, times: 1 });
    h.addOrder(makeOrder(1));
    h.dispatcher.start();
    const harness = h;
    await h.runUntil(() => rowsOf(harness)[0]?.status === 'failed' && !harness.dispatcher.state().busy);
    expect(rowsOf(h)[0]).toMatchObject({ status: 'failed', reason: 'recipient_id_refused', error_code: 131062 });
    expect(rowsOf(h)[0]?.error).toMatch(/^131062: /);
    expect(createBlacklistRepository(h.db).isBlacklisted(phoneOf(1))).toBe(false);
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    // Not a pause either: the next event for the same customer goes out.
    expect(h.dispatcher.state()).toMatchObject({ state: 'running', pause: null });
    h.addOrder(makeOrder(1, { status: 'processing', updatedAt: T0 + MINUTE }));
    void h.dispatcher.sendNow();
    await h.runUntil(() => harness.sent().length === 1);
    expect(rowsOf(h)[1]).toMatchObject({ status: 'sent' });
  });
});
