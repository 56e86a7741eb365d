import { afterEach } from 'vitest';

/**
 * For test kits: registers one `afterEach` and returns `onClose(close)`, which queues `close` to run
 * after the current test, in the order queued, even when the test failed half-way.
 */
export function closeAfterEach(): (close: () => Promise<void> | void) => void {
  let queued: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    const closing = queued;
    queued = [];
    for (const close of closing) await close();
  });
  return (close) => void queued.push(close);
}
