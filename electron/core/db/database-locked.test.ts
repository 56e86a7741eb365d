import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../platform/paths';
import { makeTempDir } from '../testing/temp-core';
import { startTestWebhook, statusBody, seedNotification, type TestWebhook } from '../webhook/testing/webhook-test-kit';
import { makeOrder, openDispatcherHarness, type DispatcherHarness } from '../dispatcher/testing/dispatcher-harness';
import { DATABASE_BUSY_KEY } from './database-busy';

// Fault suite (issue 13): another process holds Recado's database locked (BEGIN EXCLUSIVE, as a
// backup tool or a second program could). Writes wait (busy_timeout, 5 s); past that the owner
// reads a clear error, Meta gets a non-200 so it retries, the dispatcher retries next run, and
// nothing is lost.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOCKER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
const release = () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); };
// The core's waits block its event loop (SQLite's busy handler), so a timed release comes from here.
if (process.argv[2]) setTimeout(release, Number(process.argv[2]));
process.stdin.on('data', release);
`;

/** A second process that holds an exclusive lock on `file` until `release()`. */
async function lockInAnotherProcess(file: string, releaseAfterMs?: number) {
  const child: ChildProcess = spawn(process.execPath, ['-e', LOCKER, file, ...(releaseAfterMs ? [String(releaseAfterMs)] : [])], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  lockers.push(child);
  let out = '';
  const waitFor = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(word) && resolve();
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        check();
      });
      child.once('exit', (code) => (out.includes(word) ? resolve() : reject(new Error(`locker exited ${code}`))));
      check();
    });
  await waitFor('locked');
  return {
    release: async () => {
      const done = waitFor('released');
      if (child.exitCode === null) child.stdin!.write('go\n');
      await done;
    },
  };
}

const lockers: ChildProcess[] = [];
let temp: ReturnType<typeof makeTempDir> | undefined;
let hook: TestWebhook | undefined;
let h: DispatcherHarness | undefined;
afterEach(async () => {
  for (const child of lockers.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await hook?.close();
  await h?.close();
  temp?.remove();
  hook = h = temp = undefined;
});

describe('database locked by another process', () => {
  it('a contract write waits, then answers a clear error (not internal); after the lock goes, the retry saves', async () => {
    temp = makeTempDir('recado-locked-');
    hook = await startTestWebhook(temp.dir);
    const lock = await lockInAnotherProcess(join(temp.dir, DATABASE_FILE));
    const started = Date.now();
    const refused = await hook.core.invoke('blacklist.add', { phone: '+55 11 98765-4321', reason: 'pediu para sair' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000); // it waited (busy_timeout) first
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', details: { key: DATABASE_BUSY_KEY } } });
    expect(hook.rows('SELECT * FROM blacklist')).toHaveLength(0);
    await lock.release();
    expect(await hook.core.invoke('blacklist.add', { phone: '+55 11 98765-4321', reason: 'pediu para sair' })).toMatchObject({ ok: true });
    expect(hook.rows('SELECT phone FROM blacklist')).toEqual([{ phone: '+5511987654321' }]);
  }, 30_000);

  it('a lock released within the wait: the write just waits and succeeds', async () => {
    temp = makeTempDir('recado-locked-');
    hook = await startTestWebhook(temp.dir);
    await lockInAnotherProcess(join(temp.dir, DATABASE_FILE), 1_000);
    const started = Date.now();
    expect(await hook.core.invoke('blacklist.add', { phone: '+55 11 98765-4321', reason: 'pediu para sair' })).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(hook.rows('SELECT * FROM blacklist')).toHaveLength(1);
  }, 30_000);

  it('a webhook while locked answers non-200 (Meta retries); the same delivery after the lock goes is applied', async () => {
    temp = makeTempDir('recado-locked-');
    const id = seedNotification(temp.dir, { phone: '+5511987654321', wamid: 'wamid.LOCKED1', status: 'sent' });
    hook = await startTestWebhook(temp.dir);
    const body = statusBody([{ id: 'wamid.LOCKED1', status: 'delivered', timestamp: '1760000000', recipient_id: '5511987654321' }]);
    const lock = await lockInAnotherProcess(join(temp.dir, DATABASE_FILE));
    const refused = await hook.post(body);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(hook.rows<{ status: string }>('SELECT status FROM notifications WHERE id = ?', id)[0]?.status).toBe('sent');
    await lock.release();
    expect((await hook.post(body)).status).toBe(200);
    expect(hook.rows<{ status: string }>('SELECT status FROM notifications WHERE id = ?', id)[0]?.status).toBe('delivered');
  }, 30_000);

  it('the dispatcher does not pause on a locked database: the next run sends, once', async () => {
    h = await openDispatcherHarness({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.addOrder(makeOrder(1));
    const lock = await lockInAnotherProcess(h.ctx.db.$client.name);
    h.dispatcher.start();
    await h.dispatcher.settled();
    expect(h.dispatcher.state().pause).toBeNull();
    expect(h.sent()).toHaveLength(0);
    await lock.release();
    const harness = h;
    expect(await h.runUntil(() => harness.sent().length === 1 && !harness.dispatcher.state().busy)).toBe(true);
    expect(h.rows<{ status: string }>('SELECT status FROM notifications')).toEqual([{ status: 'sent' }]);
    expect(h.dispatcher.state().pause).toBeNull();
  }, 60_000);
});
