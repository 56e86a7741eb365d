import Store from 'electron-store';
import { cachedStore } from '../core/platform/cached-store';
import type { KeyValueStore } from '../core/platform/key-value-store';
import { SETTINGS_FILE_MODE } from '../core/platform/conf-store';

/** `<userData>/settings.json`: the same file the web host's `conf` store reads; read once, then from memory. */
export function openElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'settings', configFileMode: SETTINGS_FILE_MODE });
  return cachedStore({
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  });
}
