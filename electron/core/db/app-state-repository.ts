import type { AppDatabase } from './open-database';

/**
 * Typed access to `app_state`: small JSON facts that survive restarts. Its two statements are
 * prepared once: the webhook records "last callback" on every callback.
 */
export function createAppStateRepository(db: AppDatabase) {
  const select = db.$client.prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?');
  const upsert = db.$client.prepare<[string, string, number]>(
    `INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    get<T>(key: string): T | undefined {
      const row = select.get(key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown, now: number): void {
      upsert.run(key, JSON.stringify(value), now);
    },
  };
}

export type AppStateRepository = ReturnType<typeof createAppStateRepository>;
