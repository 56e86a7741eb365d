import { closeAfterEach } from '../../testing/close-after-each';
import { openDispatcherHarness, type DispatcherHarness } from './dispatcher-harness';

/**
 * For a test file that drives dispatchers (kept apart from `dispatcher-harness.ts`, which the
 * crash child loads without vitest): call once at the top; `open(options)` is
 * `openDispatcherHarness`, and after each test every harness opened is closed (dispatcher stopped,
 * Sandbox closed, folder removed), even when the test failed half-way.
 */
export function dispatcherHarnesses() {
  const onClose = closeAfterEach();
  return {
    async open(options?: Parameters<typeof openDispatcherHarness>[0]): Promise<DispatcherHarness> {
      const h = await openDispatcherHarness(options);
      onClose(() => h.close());
      return h;
    },
  };
}
