import type Database from 'better-sqlite3';
import type { Clock } from '../platform/clock';

export interface CommitQueueOptions {
  /** How long the first job waits for company before the group commits (ms). */
  windowMs?: number;
  /** Commit at once when this many jobs are waiting. */
  maxBatch?: number;
}

interface Pending<T> {
  job: () => T;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Group commit: jobs queued within a few ms run in one SQLite transaction (one fsync), each in
 * its own savepoint so one failing job rolls back alone. A job's promise resolves only after the
 * COMMIT returned, so a caller that answers HTTP 200 on resolve never acknowledges a write that
 * a crash could lose. If the commit itself fails, every job of the group rejects.
 */
export function createCommitQueue(client: Database.Database, clock: Clock, options: CommitQueueOptions = {}) {
  const windowMs = options.windowMs ?? 3;
  const maxBatch = options.maxBatch ?? 256;
  let queue: Pending<unknown>[] = [];
  let timer: { cancel(): void } | null = null;
  let closed = false;

  const flush = () => {
    timer?.cancel();
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      client.transaction(() => {
        for (const item of batch) {
          try {
            // A nested better-sqlite3 transaction is a SAVEPOINT: rolled back alone on throw.
            results.push({ ok: true, value: client.transaction(item.job)() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result?.ok) item.resolve(result.value);
      else item.reject(result?.error);
    });
  };

  return {
    /** Runs `job` inside the next group transaction; resolves after that transaction committed. */
    run<T>(job: () => T): Promise<T> {
      if (closed) return Promise.reject(new Error('commit queue closed'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve, reject } as Pending<unknown>);
        if (queue.length >= maxBatch) flush();
        else timer ??= clock.setTimeout(flush, windowMs);
      });
    },
    /** Commits what is queued, then refuses new jobs. */
    close(): void {
      flush();
      closed = true;
    },
  };
}

export type CommitQueue = ReturnType<typeof createCommitQueue>;
