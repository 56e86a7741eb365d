import Conf from 'conf';
import type { KeyValueStore } from './key-value-store';
import { ensurePrivateDir } from './private-files';

/** Owner-only, for both hosts' settings stores. */
export const SETTINGS_FILE_MODE = 0o600;

/**
 * Settings file `<dataDir>/settings.json`, the same file the desktop app's electron-store uses
 * (`name: 'settings'` in userData), so both hosts see the same settings.
 */
export function openConfStore(dataDir: string): KeyValueStore {
  ensurePrivateDir(dataDir);
  // 0600: settings hold the encrypted secrets and the shop's configuration.
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: SETTINGS_FILE_MODE });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
}
