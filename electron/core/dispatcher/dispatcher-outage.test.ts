import { describe, expect, it } from 'vitest';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { DEMO } from '../sandbox/demo-world';
import { createGraphClient } from '../whatsapp/graph-client';
import { TIMEOUT_HOLD_MS } from './error-policy';
import { dispatchHandlers } from './handlers';
import { MINUTE, makeOrder, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

// Fault suite (issue 13): Meta's Graph API answers 5xx, or hangs, for a minute. The Sandbox and
// the dispatcher share the driven clock, so the minute costs no real time.

const harnesses = dispatcherHarnesses();

type Row = { id: number; phone: string; status: string; reason: string | null; attempts: number };
const rowsOf = (harness: DispatcherHarness) => harness.rows<Row>('SELECT id, phone, status, reason, attempts FROM notifications ORDER BY id');
const CUSTOMERS = 5;
const OUTAGE_MS = MINUTE;

/** How many messages the Sandbox accepted for each customer. */
function sentPerCustomer(harness: DispatcherHarness) {
  const counts = new Map<string, number>();
  for (const m of harness.sent()) counts.set(m.input, (counts.get(m.input) ?? 0) + 1);
  return counts;
}

describe.each([500, 503] as const)('Graph API answering %i for a minute', (status) => {
  it('backs off, sends no duplicate, blacklists nobody, and sends every notification once afterwards', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 1, maxDelaySeconds: 2 } });
    for (let i = 0; i < CUSTOMERS; i++) h.addOrder(makeOrder(i));
    h.sandbox.control.setOutage({ forMs: OUTAGE_MS, status });
    h.dispatcher.start();
    expect(await h.runUntil(() => h.sent().length === CUSTOMERS && !h.dispatcher.state().busy)).toBe(true);

    // Nothing got through during the outage: the first acceptance is after it.
    expect(Math.min(...h.sent().map((m) => m.acceptedAt))).toBeGreaterThanOrEqual(T0 + OUTAGE_MS);
    const perCustomer = sentPerCustomer(h);
    expect([...perCustomer.keys()].sort()).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => phoneOf(i)).sort());
    expect([...perCustomer.values()].every((n) => n === 1)).toBe(true);
    expect(rowsOf(h).map((r) => r.status)).toEqual(Array(CUSTOMERS).fill('sent'));
    // Backed off as a whole: waits of 0.5–1 s, 2–4 s, 8–16 s, 32–64 s between failed requests,
    // whichever notification met them, so 3 to 5 failed requests in the minute.
    const failedRequests = rowsOf(h).reduce((sum, r) => sum + r.attempts - 1, 0);
    expect(failedRequests).toBeGreaterThanOrEqual(3);
    expect(failedRequests).toBeLessThanOrEqual(5);
    expect(h.rows('SELECT * FROM blacklist')).toHaveLength(0);
    expect(createBlacklistRepository(h.db).isBlacklisted(phoneOf(0))).toBe(false);
    expect(h.dispatcher.state().pause).toBeNull();
  });
});

describe('Graph API hanging for a minute', () => {
  it('the one request in flight is unconfirmed (never resent by itself); the rest wait and go once; a resend goes once', async () => {
    const h = await harnesses.open({
      dispatch: { minDelaySeconds: 1, maxDelaySeconds: 2 },
      // A short client timeout keeps the real time small; the hang itself is on the driven clock.
      meta: {
        client: async () => createGraphClient({ baseUrl: h!.sandbox.baseUrl, apiVersion: 'v23.0', accessToken: () => DEMO.accessToken, timeoutMs: 250 }),
      },
    });
    for (let i = 0; i < CUSTOMERS; i++) h.addOrder(makeOrder(i));
    h.sandbox.control.setOutage({ forMs: OUTAGE_MS, kind: 'hang' });
    h.dispatcher.start();
    expect(await h.runUntil(() => h.sent().length === CUSTOMERS - 1 && !h.dispatcher.state().busy)).toBe(true);

    const [first, ...rest] = rowsOf(h);
    expect(first).toMatchObject({ status: 'unconfirmed', reason: 'timeout', attempts: 1 });
    expect(rest.map((r) => r.status)).toEqual(Array(CUSTOMERS - 1).fill('sent'));
    expect(Math.min(...h.sent().map((m) => m.acceptedAt))).toBeGreaterThanOrEqual(T0 + TIMEOUT_HOLD_MS);
    // Not resent by itself, even much later.
    await h.runUntilTime(T0 + 30 * MINUTE);
    expect(sentPerCustomer(h).get(phoneOf(0))).toBeUndefined();
    expect([...sentPerCustomer(h).values()].every((n) => n === 1)).toBe(true);

    // The owner checks and resends it: it goes exactly once.
    dispatchHandlers(h.ctx, h.dispatcher)['dispatch.resend']({ notificationId: first!.id });
    expect(await h.runUntil(() => h.sent().length === CUSTOMERS)).toBe(true);
    await h.runUntilTime(T0 + 60 * MINUTE);
    const perCustomer = sentPerCustomer(h);
    expect(perCustomer.size).toBe(CUSTOMERS);
    expect([...perCustomer.values()].every((n) => n === 1)).toBe(true);
    expect(h.rows('SELECT * FROM blacklist')).toHaveLength(0);
  });
});
