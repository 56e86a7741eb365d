import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { seedLog } from '../../electron/core/log/testing/seed-log';
import { bundleChild } from '../../electron/core/testing/bundle-child';
import { makeTempDir, MIGRATIONS_DIR, openTempCore } from '../../electron/core/testing/temp-core';
import { knob, publish } from './results';
import { webContractClient } from './web-client';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROWS = knob('FOOTPRINT_ROWS', 1_000_000);
// The issue asks for 10 minutes idle; the default keeps `npm run bench` inside 15 minutes.
const IDLE_SECONDS = knob('IDLE_SECONDS', 120);

const temps: { remove(): void }[] = [];
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  for (const t of temps) t.remove();
});

const next = <T>(proc: ChildProcess): Promise<T> =>
  new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`web host exited ${code}`)));
  });

// The web host as a shop runs it, on a database with a million messages: cold start (process
// start → database open and migrated → first page of the log answered), memory after start and
// after idling, and how often its timers wake it while nothing happens.
it('web host footprint on a 1M-row database', async () => {
  const data = makeTempDir('recado-bench-');
  const bundle = makeTempDir('recado-bench-');
  temps.push(data, bundle);
  const setup = openTempCore(data.dir, { mode: 'sandbox' });
  seedLog(setup.core.context().db, ROWS);
  await setup.core.close();
  const script = await bundleChild('scripts/bench/footprint/web-child.ts', bundle.dir);

  const spawnedAt = performance.now();
  child = fork(script, [data.dir, MIGRATIONS_DIR], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules')}, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await next<{ port: number; token: string; openMs: number; hostMs: number; servicesMs: number; directQueryMs: number; rssMb: number }>(child);
  const readyAt = performance.now();
  const client = webContractClient(ready.port, ready.token);
  await client.call('log.query', { filters: {}, page: 1, pageSize: 50 });
  const firstPageMs = performance.now() - readyAt;
  const coldStartMs = performance.now() - spawnedAt;
  client.close();

  child.send('idle');
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  child.send('report');
  const idle = await next<{ wakesPerMinute: number; shortestDelayMs: number | null; rssMb: number; heapMb: number }>(child);
  const exited = new Promise((r) => child?.once('exit', r));
  child.send('stop');
  await exited;

  publish('footprint (web host)', [
    { name: `cold start to first log page (${ROWS / 1000}k rows)`, value: coldStartMs, unit: 'ms' },
    { name: 'of which open + migrate the database', value: ready.openMs, unit: 'ms' },
    { name: 'of which web host listening', value: ready.hostMs, unit: 'ms' },
    { name: 'of which background services started', value: ready.servicesMs, unit: 'ms' },
    { name: 'first log page in the core (no HTTP)', value: ready.directQueryMs, unit: 'ms' },
    { name: 'then first log page over HTTP', value: firstPageMs, unit: 'ms' },
    { name: 'RSS after start', value: ready.rssMb, unit: 'MB', target: '≤ 150', met: ready.rssMb <= 150 },
    { name: `RSS after ${IDLE_SECONDS} s idle`, value: idle.rssMb, unit: 'MB', target: '≤ 150', met: idle.rssMb <= 150 },
    { name: 'JS heap after idle', value: idle.heapMb, unit: 'MB' },
    { name: 'timer wake-ups per minute while idle', value: idle.wakesPerMinute, unit: '/min' },
    { name: 'shortest timer that fired while idle', value: idle.shortestDelayMs ?? 'none', unit: idle.shortestDelayMs === null ? '' : 'ms', target: '≥ 1000', met: idle.shortestDelayMs === null || idle.shortestDelayMs >= 1000 },
  ], { rows: ROWS, idleSeconds: IDLE_SECONDS });
  expect(coldStartMs).toBeGreaterThan(0);
}, 900_000 + IDLE_SECONDS * 1000);
