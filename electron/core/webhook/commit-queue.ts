import type Database from 'better-sqlite3';

export interface CommitQueueOptions {
  /** Commit at once when this many jobs are waiting. */
  maxBatch?: number;
}

interface Pending<T> {
  job: () => T;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the jobs queued during one event-loop turn (or up to `maxBatch` of them) run in
 * one SQLite transaction (one WAL sync), each in its own savepoint so one failing job rolls back
 * alone. The group commits at the end of the turn (`setImmediate`), never after a fixed wait: a
 * lone callback on an idle server commits at once, and a burst whose bodies finish arriving in
 * the same turn shares one commit. A job's promise resolves only after the COMMIT returned, so a
 * caller that answers HTTP 200 on resolve never acknowledges a write that a crash could lose. If
 * the commit itself fails, every job of the group rejects.
 */
export function createCommitQueue(client: Database.Database, options: CommitQueueOptions = {}) {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Pending<unknown>[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let closed = false;

  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
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
    /** Runs `job` inside this turn's group transaction; resolves after that transaction committed. */
    run<T>(job: () => T): Promise<T> {
      if (closed) return Promise.reject(new Error('commit queue closed'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve, reject } as Pending<unknown>);
        if (queue.length >= maxBatch) flush();
        else scheduled ??= setImmediate(flush);
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
