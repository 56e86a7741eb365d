export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * min(max, base·2^(n-1)), so many installs that lost the same server do not come back in step.
 * `random` is injected (0 ≤ r < 1) so tests pin the delay.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
