import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderLockedError, EXIT_FOLDER_IN_USE, LOCK_FILE } from '../core/platform/data-folder-lock';
import { bundleChild } from '../core/testing/bundle-child';
import { makeTempDir, MIGRATIONS_DIR } from '../core/testing/temp-core';


const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bundleDir = makeTempDir('recado-lock-bundle-');
let child: string;
const running: ChildProcess[] = [];
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  await bundleChild('electron/web/testing/web-host-child.ts', bundleDir.dir);
  child = join(bundleDir.dir, 'web-host-child.cjs');
}, 120_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((proc) => stopChild(proc)));
  temp?.remove();
}, 30_000);
afterAll(() => bundleDir.remove());

interface Started {
  proc: ChildProcess;
  output: () => string;
  /** Resolves with 'running' once it prints its URL, or with its exit code. */
  outcome: Promise<'running' | number>;
}

function startHost(dataDir: string): Started {
  const proc = spawn(process.execPath, [child, dataDir, MIGRATIONS_DIR, join(dataDir, 'no-renderer')], {
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(proc);
  let output = '';
  const outcome = new Promise<'running' | number>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Open: http://127.0.0.1:')) resolve('running');
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => resolve(code ?? -1));
  });
  return { proc, output: () => output, outcome };
}

function stopChild(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((done) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return done();
    // A host that does not stop within 10 s is a failure the test shows, not a leaked process.
    const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    proc.kill(signal);
  });
}

/** A pid that certainly belonged to a process that is gone now. */
async function deadPid(): Promise<number> {
  const proc = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => proc.once('exit', resolve));
  return proc.pid!;
}

describe('one running Recado per data folder (real processes)', () => {
  it('a second web host on the same folder says which process holds it and exits non-zero', async () => {
    temp = makeTempDir();
    const first = startHost(temp.dir);
    expect(await first.outcome, first.output()).toBe('running');
    const second = startHost(temp.dir);
    expect(await second.outcome, second.output()).toBe(EXIT_FOLDER_IN_USE);
    expect(second.output()).toContain(`process ${first.proc.pid}`);
    expect(second.output()).toMatch(/running since \d{4}-\d\d-\d\dT/);
    expect(second.output()).toContain(temp.dir);
    await stopChild(first.proc);
    expect(first.output()).toContain('Recado stopped.');
  }, 60_000);

  it('Ctrl+C stops the host, says so, and releases the lock for the next start', async () => {
    temp = makeTempDir();
    const first = startHost(temp.dir);
    expect(await first.outcome, first.output()).toBe('running');
    expect(existsSync(join(temp.dir, LOCK_FILE))).toBe(true);
    await stopChild(first.proc, 'SIGINT');
    expect(first.output()).toContain('Recado stopped.');
    expect(first.proc.exitCode).toBe(0);
    expect(existsSync(join(temp.dir, LOCK_FILE))).toBe(false);
    const again = startHost(temp.dir);
    expect(await again.outcome, again.output()).toBe('running');
  }, 60_000);

  it('two simultaneous first starts: exactly one runs, the other refuses, the database is whole', async () => {
    temp = makeTempDir();
    const [a, b] = [startHost(temp.dir), startHost(temp.dir)];
    const outcomes = await Promise.all([a.outcome, b.outcome]);
    expect([...outcomes].sort()).toEqual([EXIT_FOLDER_IN_USE, 'running'].sort());
    // Either may win the race: the loser is whichever exited with "folder in use".
    const [winner, loser] = outcomes[0] === 'running' ? [a, b] : [b, a];
    expect(winner.output()).not.toContain('Error');
    expect(loser.output()).toContain('Another Recado');
  }, 60_000);

  it('a lock left by a process that is gone is stale: the next start takes over', async () => {
    temp = makeTempDir();
    const pid = await deadPid();
    writeFileSync(join(temp.dir, LOCK_FILE), JSON.stringify({ pid, since: Date.now() - 60_000, host: 'web host' }));
    const host = startHost(temp.dir);
    expect(await host.outcome, host.output()).toBe('running');
    expect(JSON.parse(readFileSync(join(temp.dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: host.proc.pid });
  }, 60_000);
});

describe('acquireDataFolderLock (in process)', () => {
  it('refuses while the holder lives, names it, and frees the folder on release', () => {
    temp = makeTempDir();
    const held = acquireDataFolderLock(temp.dir, { host: 'desktop app', pid: 111, now: () => 1_700_000_000_000, isAlive: () => true });
    let refused: unknown;
    try {
      acquireDataFolderLock(temp.dir, { host: 'web host', pid: 222, isAlive: () => true });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as DataFolderLockedError).holder).toEqual({ pid: 111, since: 1_700_000_000_000, host: 'desktop app' });
    expect((refused as Error).message).toContain('desktop app, process 111, running since 2023-11-14T22:13:20.000Z');
    held.release();
    const next = acquireDataFolderLock(temp.dir, { host: 'web host', pid: 222, isAlive: () => true });
    next.release();
    expect(existsSync(join(temp.dir, LOCK_FILE))).toBe(false);
  });

  it('replaces an unreadable lock file that is not being written any more', () => {
    temp = makeTempDir();
    const file = join(temp.dir, LOCK_FILE);
    writeFileSync(file, 'garbage');
    const old = new Date(Date.now() - 60_000);
    // An old, damaged file: left by a crash mid-write.
    utimesSync(file, old, old);
    const lock = acquireDataFolderLock(temp.dir, { host: 'web host' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: 'web host' });
    lock.release();
  });
});
