import Conf from 'conf';
import { cachedStore } from './cached-store';
import type { KeyValueStore } from './key-value-store';

/**
 * Settings file `<dataDir>/settings.json`, the same file the desktop app's electron-store uses
 * (`name: 'settings'` in userData), so both hosts see the same settings. Read once, then from
 * memory (see cached-store.ts).
 */
export function openConfStore(dataDir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings' });
  return cachedStore({
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  });
}
