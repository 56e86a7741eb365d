import { describe, expect, it } from 'vitest';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { MINUTE, makeOrder, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();

type Row = { status: string; reason: string | null; error_code: number | null; error: string | null };
const rowsOf = (harness: DispatcherHarness) => harness.rows<Row>('SELECT status, reason, error_code, error FROM notifications ORDER BY id');

describe('Meta refuses the recipient identifier (131062)', () => {
  it('fails that notification with the reason, never blacklists the number, and the next event is sent', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.sandbox.control.addFault({ match: 'messages', code: 131062, times: 1 });
    h.addOrder(makeOrder(1));
    h.dispatcher.start();
    await h.runUntil(() => rowsOf(h)[0]?.status === 'failed' && !h.dispatcher.state().busy);
    expect(rowsOf(h)[0]).toMatchObject({ status: 'failed', reason: 'recipient_id_refused', error_code: 131062 });
    expect(rowsOf(h)[0]?.error).toMatch(/^131062: /);
    expect(createBlacklistRepository(h.db).isBlacklisted(phoneOf(1))).toBe(false);
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    // Not a pause either: the next event for the same customer goes out.
    expect(h.dispatcher.state()).toMatchObject({ state: 'running', pause: null });
    h.addOrder(makeOrder(1, { status: 'processing', updatedAt: T0 + MINUTE }));
    void h.dispatcher.sendNow();
    await h.runUntil(() => h.sent().length === 1);
    expect(rowsOf(h)[1]).toMatchObject({ status: 'sent' });
  });
});
