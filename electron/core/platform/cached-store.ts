import type { KeyValueStore } from './key-value-store';

/**
 * Keeps what `inner` holds in memory: each key is read from the file once, then from memory;
 * a save writes through and refreshes the copy. `conf` and `electron-store` read and parse their
 * whole JSON file on every `get`, which the webhook path used to pay per callback (settings and
 * the app secret). The one process that holds the data folder is the only writer, so the copy
 * cannot go stale. Dotted keys (`secrets.appSecret`) share the file's nesting, so a save or
 * delete also drops every cached key above or below it.
 */
export function cachedStore(inner: KeyValueStore): KeyValueStore {
  const cache = new Map<string, unknown>();
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const forget = (key: string) => {
    for (const cached of cache.keys()) if (related(cached, key)) cache.delete(cached);
  };
  return {
    get(key) {
      if (!cache.has(key)) cache.set(key, inner.get(key));
      // A copy, as the file-backed stores give: callers may change what they read.
      return structuredClone(cache.get(key));
    },
    set(key, value) {
      inner.set(key, value);
      forget(key);
      cache.set(key, structuredClone(value));
    },
    delete(key) {
      inner.delete(key);
      forget(key);
    },
  };
}
