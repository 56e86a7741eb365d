import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from '../db/open-database';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { createCommitQueue } from './commit-queue';

let temp: ReturnType<typeof makeTempDir> | undefined;
let db: AppDatabase | undefined;
afterEach(() => {
  db?.$client.close();
  db = undefined;
  temp?.remove();
});

function open(): AppDatabase {
  temp = makeTempDir();
  db = openDatabase(join(temp.dir, 'q.sqlite'), { migrationsDir: MIGRATIONS_DIR });
  return db;
}

const insert = (d: AppDatabase, key: string) => () =>
  d.$client.prepare('INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, 1)').run(key, '1').changes;

describe('commit queue', () => {
  it('commits jobs queued together in one transaction and resolves only after the commit', async () => {
    const d = open();
    const queue = createCommitQueue(d.$client);
    let inTransactionAtResolve = true;
    const jobs = Array.from({ length: 50 }, (_, i) =>
      queue.run(insert(d, `k${i}`)).then((v) => {
        inTransactionAtResolve = d.$client.inTransaction;
        return v;
      }),
    );
    await Promise.all(jobs);
    expect(inTransactionAtResolve).toBe(false);
    expect(d.$client.prepare('SELECT count(*) AS n FROM app_state').get()).toEqual({ n: 50 });
    // A second connection sees them: committed, not just written.
    const other = openDatabase(join(temp!.dir, 'q.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    expect(other.$client.prepare('SELECT count(*) AS n FROM app_state').get()).toEqual({ n: 50 });
    other.$client.close();
    queue.close();
  });

  it('groups: jobs of one turn share one commit (none visible outside until all are done)', async () => {
    const d = open();
    const other = openDatabase(join(temp!.dir, 'q.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    const queue = createCommitQueue(d.$client);
    const seenOutside: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        queue.run(() => {
          seenOutside.push((other.$client.prepare('SELECT count(*) AS n FROM app_state').get() as { n: number }).n);
          return insert(d, `g${i}`)();
        }),
      ),
    );
    expect(seenOutside).toEqual(Array.from({ length: 50 }, () => 0));
    expect(other.$client.prepare('SELECT count(*) AS n FROM app_state').get()).toEqual({ n: 50 });
    other.$client.close();
    queue.close();
  });

  it('a failing job rolls back alone; the others of its group commit', async () => {
    const d = open();
    const queue = createCommitQueue(d.$client);
    const ok1 = queue.run(insert(d, 'a'));
    const bad = queue.run(() => {
      insert(d, 'half-written')();
      throw new Error('boom');
    });
    const ok2 = queue.run(insert(d, 'b'));
    await expect(bad).rejects.toThrow('boom');
    await expect(Promise.all([ok1, ok2])).resolves.toEqual([1, 1]);
    expect(d.$client.prepare('SELECT key FROM app_state ORDER BY key').all()).toEqual([{ key: 'a' }, { key: 'b' }]);
    queue.close();
  });

  it('runs onGroup once per group, inside its transaction, after a failing job was re-run alone', async () => {
    const d = open();
    const groups: boolean[] = [];
    const queue = createCommitQueue(d.$client, { onGroup: () => groups.push(d.$client.inTransaction) });
    await Promise.all([queue.run(insert(d, 'a')), queue.run(insert(d, 'b'))]);
    const bad = queue.run(() => {
      throw new Error('boom');
    });
    const ok = queue.run(insert(d, 'c'));
    await expect(bad).rejects.toThrow('boom');
    await expect(ok).resolves.toBe(1);
    expect(groups).toEqual([true, true]);
    queue.close();
  });

  it('commits at the end of the turn, without waiting for any timer', async () => {
    const d = open();
    // Timers frozen: a queue that waited for a window before committing would never resolve.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const queue = createCommitQueue(d.$client);
      await expect(queue.run(insert(d, 'alone'))).resolves.toBe(1);
      queue.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('commits at the size cap without waiting for the end of the turn', () => {
    const d = open();
    const queue = createCommitQueue(d.$client, { maxBatch: 3 });
    void queue.run(insert(d, 'a'));
    void queue.run(insert(d, 'b'));
    expect(d.$client.prepare('SELECT count(*) AS n FROM app_state').get()).toEqual({ n: 0 });
    void queue.run(insert(d, 'c'));
    // Still synchronous: the third job filled the group, so it committed there and then.
    expect(d.$client.prepare('SELECT count(*) AS n FROM app_state').get()).toEqual({ n: 3 });
    queue.close();
  });

  it('refuses jobs after close', async () => {
    const d = open();
    const queue = createCommitQueue(d.$client);
    queue.close();
    await expect(queue.run(insert(d, 'x'))).rejects.toThrow('closed');
  });
});
