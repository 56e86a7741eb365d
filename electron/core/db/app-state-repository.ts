import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Logger } from '../platform/logger';
import type { AppDatabase } from './open-database';
import { appState } from './schema';

/**
 * Typed access to `app_state`: small JSON facts that survive restarts. Every read goes through the
 * caller's zod schema, so a value damaged on disk (hand-edited, written by an older version, cut
 * short) reads as absent — the caller's default — with a warning, and never throws at the caller.
 * Its two statements are prepared once: the webhook records "last callback" on every callback.
 */
export function createAppStateRepository(db: AppDatabase, logger?: Pick<Logger, 'warn'>) {
  const p = sql.placeholder;
  const select = db.select({ value: appState.value }).from(appState).where(eq(appState.key, p('key'))).prepare();
  const upsert = db
    .insert(appState)
    .values({ key: p('key'), value: p('value'), updatedAt: p('updatedAt') })
    .onConflictDoUpdate({ target: appState.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
    .prepare();

  const damaged = (key: string, problem: string): undefined => {
    // `name`, not `key`: the logger masks fields named like a key.
    logger?.warn('app_state value damaged; the default is used', { name: key, problem });
    return undefined;
  };

  return {
    /** The stored value of `key` as `schema` parses it; undefined when absent or damaged (never throws). */
    get<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined {
      const row = select.get({ key });
      if (!row) return undefined;
      let raw: unknown;
      try {
        raw = JSON.parse(row.value);
      } catch {
        return damaged(key, 'not JSON');
      }
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : damaged(key, parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.code}`).join('; '));
    },
    set(key: string, value: unknown, now: number): void {
      upsert.run({ key, value: JSON.stringify(value), updatedAt: now });
    },
  };
}

export type AppStateRepository = ReturnType<typeof createAppStateRepository>;
