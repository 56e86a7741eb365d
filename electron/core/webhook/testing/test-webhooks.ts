import { closeAfterEach } from '../../testing/close-after-each';
import { makeTempDir } from '../../testing/temp-core';
import { startTestWebhook, type TestWebhook } from './webhook-test-kit';

/**
 * For a test file that starts webhook servers (kept apart from `webhook-test-kit.ts`, which child
 * processes and benches load without vitest): call once at the top. `start(seed, options)` makes a
 * fresh data folder, runs `seed(dir)` before the core opens it (the rows the dispatcher would have
 * written), then `startTestWebhook`; after each test every server and core is closed and its folder
 * removed, even when the test failed half-way.
 */
export function testWebhooks() {
  const onClose = closeAfterEach();
  return {
    async start(seed?: (dir: string) => void, options?: Parameters<typeof startTestWebhook>[1]): Promise<TestWebhook> {
      const temp = makeTempDir();
      try {
        seed?.(temp.dir);
        const hook = await startTestWebhook(temp.dir, options);
        onClose(async () => {
          await hook.close();
          temp.remove();
        });
        return hook;
      } catch (error) {
        temp.remove();
        throw error;
      }
    },
  };
}
