import { closeAfterEach } from './close-after-each';
import { makeTempDir, openTempCore } from './temp-core';

/** A core `tempCores().open` made: `openTempCore`'s parts plus its data folder. */
export type TempCore = ReturnType<typeof openTempCore> & { dir: string };

/**
 * For a test file that opens real cores: call once at the top. `open(options)` makes a fresh data
 * folder and a core on it (`openTempCore`); after each test every core opened is closed and its
 * folder removed, even when the test failed half-way.
 */
export function tempCores() {
  const onClose = closeAfterEach();
  return {
    open(options: Parameters<typeof openTempCore>[1] = {}): TempCore {
      const temp = makeTempDir();
      const opened = openTempCore(temp.dir, options);
      onClose(async () => {
        await opened.core.close();
        temp.remove();
      });
      return { ...opened, dir: temp.dir };
    },
  };
}
