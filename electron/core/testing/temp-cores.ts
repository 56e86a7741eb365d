import { afterEach } from 'vitest';
import { makeTempDir, openTempCore } from './temp-core';

/** A core `tempCores().open` made: `openTempCore`'s parts plus its data folder. */
export type TempCore = ReturnType<typeof openTempCore> & { dir: string };

/**
 * For a test file that opens real cores: call once at the top. `open(options)` makes a fresh data
 * folder and a core on it (`openTempCore`); after each test every core opened is closed and its
 * folder removed, even when the test failed half-way.
 */
export function tempCores() {
  let opened: { core: TempCore['core']; remove(): void }[] = [];
  afterEach(async () => {
    const closing = opened;
    opened = [];
    for (const { core, remove } of closing) {
      await core.close();
      remove();
    }
  });
  return {
    open(options: Parameters<typeof openTempCore>[1] = {}): TempCore {
      const temp = makeTempDir();
      const core = openTempCore(temp.dir, options);
      opened.push({ core: core.core, remove: temp.remove });
      return { ...core, dir: temp.dir };
    },
  };
}
