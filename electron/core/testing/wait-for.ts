/**
 * Polls `probe` (sync or async) every 25 ms until it answers something truthy, and returns that;
 * throws "timed out waiting for <what>" after `timeoutMs`. For tests that wait on real servers,
 * real timers and real processes, where there is no event to await.
 */
export async function waitFor<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
