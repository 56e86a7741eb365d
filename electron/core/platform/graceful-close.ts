/**
 * How long quitting waits for a send in flight. Meta answers a send in well under a second; past
 * this the row stays `sending` and becomes `unconfirmed` at the next start (never resent blindly).
 */
export const QUIT_TIMEOUT_MS = 5_000;

/**
 * Runs `close` (which waits for a send in flight to finish) but gives up after `timeoutMs`:
 * 'closed' when it finished, 'timed_out' when the process should leave the rest to the next
 * start's reconciliation. A failing close counts as closed (the failure is the caller's to log).
 */
export async function closeWithin(close: () => Promise<void>, timeoutMs: number): Promise<'closed' | 'timed_out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), timeoutMs);
  });
  try {
    return await Promise.race([close().then(() => 'closed' as const, () => 'closed' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
