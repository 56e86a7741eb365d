import Store from 'electron-store';
import { cachedStore } from '../core/platform/cached-store';
import type { KeyValueStore } from '../core/platform/key-value-store';
import { openKeepingDamaged, SETTINGS_FILE_MODE } from '../core/platform/conf-store';

/**
 * `<userData>/settings.json`: the same file the web host's `conf` store reads; read once, then from
 * memory. A damaged file is kept aside and the app starts on defaults (`onDamaged` is told), as
 * in the web host.
 */
export function openElectronStore(dataDir: string, onDamaged?: (keptAs: string) => void): KeyValueStore {
  const store = openKeepingDamaged(dataDir, () => new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings', configFileMode: SETTINGS_FILE_MODE }), onDamaged);
  return cachedStore({
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  });
}
