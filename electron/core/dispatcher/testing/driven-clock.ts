import type { Clock } from '../../platform/clock';

/** A clock tests drive: nothing fires by itself; `advanceToNext` jumps to the next timer and fires it. */
export function createDrivenClock(start: number) {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock & {
    nextAt(): number | null;
    advanceToNext(): boolean;
    advanceTo(at: number): void;
  } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return { cancel: () => void timers.delete(id) };
    },
    nextAt() {
      let best: number | null = null;
      for (const t of timers.values()) if (best === null || t.at < best) best = t.at;
      return best;
    },
    /** Fires the earliest timer (time jumps to it). False when none is pending. */
    advanceToNext() {
      const due = [...timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) return false;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].callback();
      return true;
    },
    /** Fires every timer due up to `at`, in order, then sets the time to `at`. */
    advanceTo(at) {
      for (;;) {
        const next = clock.nextAt();
        if (next === null || next > at) break;
        clock.advanceToNext();
      }
      now = Math.max(now, at);
    },
  };
  return clock;
}

export type DrivenClock = ReturnType<typeof createDrivenClock>;
