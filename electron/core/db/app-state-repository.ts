import { eq } from 'drizzle-orm';
import type { AppDatabase } from './open-database';
import { appState } from './schema';

/** Typed access to `app_state`: small JSON facts that survive restarts. */
export function createAppStateRepository(db: AppDatabase) {
  return {
    get<T>(key: string): T | undefined {
      const row = db.select().from(appState).where(eq(appState.key, key)).get();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown, now: number): void {
      const json = JSON.stringify(value);
      db.insert(appState)
        .values({ key, value: json, updatedAt: now })
        .onConflictDoUpdate({ target: appState.key, set: { value: json, updatedAt: now } })
        .run();
    },
  };
}

export type AppStateRepository = ReturnType<typeof createAppStateRepository>;
