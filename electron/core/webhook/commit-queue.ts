import type Database from 'better-sqlite3';

export interface CommitQueueOptions {
  /** Commit at once when this many jobs are waiting. */
  maxBatch?: number;
  /**
   * Runs once per group inside its transaction, after the jobs (e.g. "last callback at"): one
   * write per commit instead of one per job.
   */
  onGroup?: () => void;
}

interface Pending<T> {
  job: () => T;
  resolve(value: T): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: the jobs queued during one event-loop turn (or up to `maxBatch` of them) run in
 * one SQLite transaction (one WAL sync). The group commits at the end of the turn
 * (`setImmediate`), never after a fixed wait: a lone callback on an idle server commits at once,
 * and a burst whose bodies finish arriving in the same turn shares one commit. A job's promise
 * resolves only after the COMMIT returned, so a caller that answers HTTP 200 on resolve never
 * acknowledges a write that a crash could lose. If the commit itself fails, every job of the
 * group rejects.
 *
 * One failing job must roll back alone. Jobs almost never fail, so the group first runs them
 * plainly (no savepoint each: two statements fewer per job on the hot path); only when one
 * throws is that transaction rolled back and the group re-run with a savepoint per job. Jobs
 * therefore touch nothing but the database until they return.
 */
export function createCommitQueue(client: Database.Database, options: CommitQueueOptions = {}) {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Pending<unknown>[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let closed = false;

  /** Set when a job (not BEGIN or COMMIT) threw in the plain run: only then is a re-run useful. */
  class JobFailed extends Error {}

  const runGroup = (batch: Pending<unknown>[], isolate: boolean): Outcome[] => {
    const results: Outcome[] = [];
    client.transaction(() => {
      for (const item of batch) {
        if (!isolate) {
          try {
            results.push({ ok: true, value: item.job() });
          } catch (error) {
            throw new JobFailed('a job of the group failed', { cause: error });
          }
          continue;
        }
        try {
          // A nested better-sqlite3 transaction is a SAVEPOINT: rolled back alone on throw.
          results.push({ ok: true, value: client.transaction(item.job)() });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
      options.onGroup?.();
    }).immediate();
    return results;
  };

  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let results: Outcome[];
    try {
      try {
        results = runGroup(batch, false);
      } catch (error) {
        // A database that is locked or full fails the group as a whole, at once (no second wait).
        if (!(error instanceof JobFailed)) throw error;
        // Rolled back as a whole: again, each job in its own savepoint, so only the bad one fails.
        results = runGroup(batch, true);
      }
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
