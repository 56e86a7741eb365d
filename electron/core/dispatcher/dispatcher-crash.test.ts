import { describe, expect, it } from 'vitest';
import { CRASH_BACKLOG, CRASH_PER_CYCLE, runCrashScenario } from './testing/crash-run';

const KILLS = Number(process.env.RECADO_CRASH_KILLS ?? 105);

describe('crash safety', () => {
  it(`SIGKILLed ${KILLS} times at random moments: no message twice, every event in a visible state`, async () => {
    const run = await runCrashScenario(KILLS);

    expect(run.duplicates).toEqual([]);
    expect(run.withoutOpaqueId).toBe(0);
    // Every ledger event has exactly one notification, in a visible state.
    expect(run.events).toBe(CRASH_BACKLOG + CRASH_PER_CYCLE * KILLS);
    expect(run.vanished).toEqual([]);
    // What the Sandbox accepted is `sent` in the log, or `unconfirmed` when the kill came first.
    expect(run.acceptedStatuses.filter((s) => s !== 'sent' && s !== 'unconfirmed')).toEqual([]);
    // Kills landed mid-request (else this test proves little), and nothing is left behind.
    expect(run.counts.unconfirmed ?? 0, JSON.stringify(run.counts)).toBeGreaterThan(0);
    expect(run.counts.queued ?? 0).toBe(0);
    expect((run.counts.sent ?? 0) + (run.counts.unconfirmed ?? 0)).toBe(CRASH_BACKLOG + CRASH_PER_CYCLE * KILLS);
  // The child is bundled inside the run now (it was a 60 s beforeAll): the same budget as before.
  }, 60_000 + Math.max(120_000, KILLS * 1_500));
});
