import { desc, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { webhookAccountErrors } from '../db/schema';

/**
 * Account-level errors Meta reported through the webhook (`errors` on the WABA, not on a message):
 * recorded as they arrive, the newest shown on the Webhook screen. Statements prepared once.
 */
export function createAccountErrorsRepository(db: AppDatabase) {
  const latest = db.select().from(webhookAccountErrors).orderBy(desc(webhookAccountErrors.id)).limit(sql.placeholder('limit')).prepare();
  return {
    record(error: Omit<typeof webhookAccountErrors.$inferInsert, 'id'>): void {
      db.insert(webhookAccountErrors).values(error).run();
    },
    /** The newest `limit` errors, newest first. */
    latest(limit: number) {
      return latest.all({ limit });
    },
  };
}

export type AccountErrorsRepository = ReturnType<typeof createAccountErrorsRepository>;
