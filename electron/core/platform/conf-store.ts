import Conf from 'conf';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { cachedStore } from './cached-store';
import type { KeyValueStore } from './key-value-store';
import { ensurePrivateDir } from './private-files';

/** Owner-only, for both hosts' settings stores. */
export const SETTINGS_FILE_MODE = 0o600;

export const SETTINGS_FILE = 'settings.json';

/**
 * Settings file `<dataDir>/settings.json`, the same file the desktop app's electron-store uses
 * (`name: 'settings'` in userData), so both hosts see the same settings. Read once, then from
 * memory (see cached-store.ts). A file that is not valid JSON (hand-edited, cut by a crash) does
 * not stop the app: it is kept beside as `settings.damaged-<time>.json`, the app starts on
 * defaults, and `onDamaged` is told where the copy went.
 */
export function openConfStore(dataDir: string, onDamaged?: (keptAs: string) => void): KeyValueStore {
  ensurePrivateDir(dataDir);
  // 0600: settings hold the encrypted secrets and the shop's configuration.
  const open = () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: SETTINGS_FILE_MODE });
  const conf = openKeepingDamaged(dataDir, open, onDamaged);
  return cachedStore({
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  });
}

/**
 * Opens the settings file with `open` (conf here, electron-store in the desktop app); when it is
 * not valid JSON, keeps it beside as `settings.damaged-<time>.json`, tells `onDamaged`, and opens
 * a fresh one (defaults). Any other error goes up.
 */
export function openKeepingDamaged<T>(dataDir: string, open: () => T, onDamaged?: (keptAs: string) => void): T {
  try {
    return open();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const keptAs = join(dataDir, `settings.damaged-${Date.now()}.json`);
    renameSync(join(dataDir, SETTINGS_FILE), keptAs);
    onDamaged?.(keptAs);
    return open();
  }
}
