import type { AppDatabase } from '../db/open-database';
import { createAppStateRepository } from '../db/app-state-repository';

const KEY = 'orders.lastPoll';

export interface PollRecord {
  ok: boolean;
  at: number;
  /** The source's error message when it did not answer. */
  error: string | null;
}

/** Notes how an order source's poll ended (the dispatcher calls it), for the doctor's last check. */
export function recordPoll(db: AppDatabase, source: string, record: PollRecord): void {
  const repo = createAppStateRepository(db);
  const all = repo.get<Record<string, PollRecord>>(KEY) ?? {};
  repo.set(KEY, { ...all, [source]: record }, record.at);
}

/** Each source's last poll, by source kind. */
export function lastPolls(db: AppDatabase): Record<string, PollRecord> {
  return createAppStateRepository(db).get<Record<string, PollRecord>>(KEY) ?? {};
}
