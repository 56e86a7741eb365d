import type { Clock } from '../../platform/clock';

/** A clock tests drive: timers fire only inside `advance`, in time order. */
export function createManualClock(start = 0): Clock & { advance(ms: number): Promise<void> } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++seq;
      timers.set(id, { at: now + ms, callback });
      return { cancel: () => void timers.delete(id) };
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        // Let promise chains started by the callback settle.
        for (let i = 0; i < 20; i++) await Promise.resolve();
      }
      now = end;
    },
  };
}
