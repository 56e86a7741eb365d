import { afterEach } from 'vitest';
import { openDispatcherHarness, type DispatcherHarness } from './dispatcher-harness';

/**
 * For a test file that drives dispatchers (kept apart from `dispatcher-harness.ts`, which the
 * crash child loads without vitest): call once at the top; `open(options)` is
 * `openDispatcherHarness`, and after each test every harness opened is closed (dispatcher stopped,
 * Sandbox closed, folder removed), even when the test failed half-way.
 */
export function dispatcherHarnesses() {
  let opened: DispatcherHarness[] = [];
  afterEach(async () => {
    const closing = opened;
    opened = [];
    for (const h of closing) await h.close();
  });
  return {
    async open(options?: Parameters<typeof openDispatcherHarness>[0]): Promise<DispatcherHarness> {
      const h = await openDispatcherHarness(options);
      opened.push(h);
      return h;
    },
  };
}
