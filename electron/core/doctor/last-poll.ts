import { z } from 'zod';
import type { AppDatabase } from '../db/open-database';
import { createAppStateRepository } from '../db/app-state-repository';
import type { Logger } from '../platform/logger';

const KEY = 'orders.lastPoll';

const pollRecordSchema = z.object({
  ok: z.boolean(),
  at: z.number(),
  /** The source's error message when it did not answer. */
  error: z.string().nullable(),
});
export type PollRecord = z.infer<typeof pollRecordSchema>;
const pollsSchema = z.record(z.string(), pollRecordSchema);

/** Notes how an order source's poll ended (the dispatcher calls it), for the doctor's last check. */
export function recordPoll(db: AppDatabase, source: string, record: PollRecord, logger?: Pick<Logger, 'warn'>): void {
  const repo = createAppStateRepository(db, logger);
  const all = repo.get(KEY, pollsSchema) ?? {};
  repo.set(KEY, { ...all, [source]: record }, record.at);
}

/** Each source's last poll, by source kind ({} when none was recorded or the record is damaged). */
export function lastPolls(db: AppDatabase, logger?: Pick<Logger, 'warn'>): Record<string, PollRecord> {
  return createAppStateRepository(db, logger).get(KEY, pollsSchema) ?? {};
}
