// The web host for the footprint bench, in its own process (forked with an IPC channel):
// argv <dataDir> <migrationsDir>. Opens the core (database open + migrate), starts the web host
// and the background services, then answers the parent's messages: 'idle' starts counting timer
// wake-ups, 'report' sends what was counted and the memory in use.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWebCore } from '../../../electron/web/open-web-core';
import { startWebHost } from '../../../electron/web/web-host';

interface Wake {
  delayMs: number;
  at: number;
}

/** Counts every timer callback the app's code runs (the wake-ups an idle app should not need). */
function countTimers(): { wakes: Wake[]; counting: { on: boolean } } {
  const wakes: Wake[] = [];
  const counting = { on: false };
  const realTimeout = globalThis.setTimeout;
  const realInterval = globalThis.setInterval;
  const wrap = (callback: (...a: unknown[]) => void, delayMs: number) => (...args: unknown[]) => {
    if (counting.on) wakes.push({ delayMs, at: performance.now() });
    callback(...args);
  };
  globalThis.setTimeout = ((callback: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => realTimeout(wrap(callback, ms ?? 0), ms, ...args)) as typeof setTimeout;
  globalThis.setInterval = ((callback: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => realInterval(wrap(callback, ms ?? 0), ms, ...args)) as typeof setInterval;
  return { wakes, counting };
}

async function main(): Promise<void> {
  const [dataDir, migrationsDir] = process.argv.slice(2);
  if (!dataDir || !migrationsDir || !process.send) throw new Error('usage: fork web-child <dataDir> <migrationsDir>');
  const { wakes, counting } = countTimers();
  const started = performance.now();
  const { core, logger } = openWebCore({ dataDir, migrationsDir, version: 'bench' });
  const openMs = performance.now() - started;
  const staticDir = join(dataDir, 'renderer-stub');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  const host = await startWebHost({ core, logger, staticDir, token: 'bench-token-0123456789' });
  const hostMs = performance.now() - started - openMs;
  await core.startServices({ webhookPort: 0 });
  const servicesMs = performance.now() - started - openMs - hostMs;
  const queryStart = performance.now();
  await core.invoke('log.query', { filters: {}, page: 1, pageSize: 50 });
  const directQueryMs = performance.now() - queryStart;
  let idleFrom = 0;
  process.on('message', (message) => {
    if (message === 'idle') {
      wakes.length = 0;
      idleFrom = performance.now();
      counting.on = true;
    } else if (message === 'report') {
      const minutes = (performance.now() - idleFrom) / 60_000;
      const delays = wakes.map((w) => w.delayMs);
      process.send?.({ wakesPerMinute: wakes.length / minutes, shortestDelayMs: delays.length ? Math.min(...delays) : null, rssMb: process.memoryUsage().rss / 2 ** 20, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
    } else if (message === 'stop') {
      void host.close().then(() => core.close()).finally(() => process.exit(0));
    }
  });
  process.send({ port: host.port, token: host.token, openMs, hostMs, servicesMs, directQueryMs, rssMb: process.memoryUsage().rss / 2 ** 20 });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
