/**
 * Meta's default throughput per business number is 80 messages/s; past it every send answers
 * 130429 and the whole queue backs off. The dispatcher keeps its own, smaller bucket on its clock:
 * one token per 12.5 ms, at most `THROUGHPUT_BURST` saved up. Sends that take longer than that
 * never wait; a zero anti-ban delay on a fast machine stays just under the cap instead of
 * tripping it. (A fixed gap after each send would add a timer's overhead to every send.)
 */
export const THROUGHPUT_PER_SECOND = 80;
export const THROUGHPUT_GAP_MS = 1000 / THROUGHPUT_PER_SECOND;
export const THROUGHPUT_BURST = 4;

/** The bucket: `waitMs` says how long until a request may start, `take` spends one token. */
export function createThroughputBucket(now: number) {
  let tokens = THROUGHPUT_BURST;
  let at = now;
  const refill = (t: number) => {
    tokens = Math.min(THROUGHPUT_BURST, tokens + (t - at) / THROUGHPUT_GAP_MS);
    at = t;
  };
  return {
    waitMs(t: number): number {
      refill(t);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * THROUGHPUT_GAP_MS);
    },
    take(t: number): void {
      refill(t);
      tokens -= 1;
    },
  };
}
