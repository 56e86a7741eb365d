import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DISPATCH_SETTINGS } from '../../../../shared/settings/dispatch';
import { openDatabase, type AppDatabase } from '../../db/open-database';
import { saveOrder } from '../../orders/order-book';
import { localOrderSource, syncOrderSource } from '../../orders/order-source';
import { openConfStore } from '../../platform/conf-store';
import { createLogger } from '../../platform/logger';
import { createPrng } from '../../sandbox/prng';
import type { SentMessage } from '../../sandbox/engine';
import type { SandboxHandle } from '../../sandbox/server';
import { startTestSandbox } from '../../sandbox/testing/test-world';
import { createSettingsService } from '../../settings/settings-service';
import { bundleChild } from '../../testing/bundle-child';
import { makeTempDir, MIGRATIONS_DIR } from '../../testing/temp-core';
import { makeOrder } from './dispatcher-harness';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CRASH_BACKLOG = 60;
export const CRASH_PER_CYCLE = 3;

/** What a crash run left: the Sandbox's sends and the log, read after the last child finished. */
export interface CrashRunResult {
  kills: number;
  events: number;
  sent: SentMessage[];
  /** Notifications the Sandbox received more than once (their opaque id → count). */
  duplicates: [string, number][];
  /** Sends that carried no opaque id (cannot be matched to a notification). */
  withoutOpaqueId: number;
  /** Ledger events without exactly one notification in a visible state. */
  vanished: { id: number; rows: number; status: string }[];
  /** Log status of each accepted send. */
  acceptedStatuses: string[];
  counts: Record<string, number>;
}

const VISIBLE = new Set(['queued', 'sent', 'delivered', 'read', 'failed', 'skipped', 'unconfirmed']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The crash scenario (dispatcher-crash.test.ts, and the bench with more kills): the dispatcher in
 * its own process (dispatcher-child.ts) against a Sandbox in this one, SIGKILLed `kills` times at
 * random moments while orders keep arriving, then one last start that finishes the queue.
 */
export async function runCrashScenario(kills: number, seed = 20_260_528): Promise<CrashRunResult> {
  const bundleDir = makeTempDir('recado-dispatcher-child-');
  const data = makeTempDir('recado-dispatcher-crash-');
  let sandbox: SandboxHandle | undefined;
  let db: AppDatabase | undefined;
  let child: ChildProcess | undefined;
  try {
    await bundleChild('electron/core/dispatcher/testing/dispatcher-child.ts', bundleDir.dir);
    const startChild = (): Promise<ChildProcess> =>
      new Promise((resolve, reject) => {
        const proc = spawn(process.execPath, [join(bundleDir.dir, 'dispatcher-child.cjs'), data.dir, MIGRATIONS_DIR, sandbox!.baseUrl], {
          // The compile cache makes the hundred restarts cheaper; it changes nothing else.
          env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), NODE_COMPILE_CACHE: join(bundleDir.dir, 'compile-cache') },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let err = '';
        const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), 15_000);
        proc.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) {
            clearTimeout(timer);
            resolve(proc);
          }
        });
        proc.stderr?.on('data', (chunk: Buffer) => {
          err += chunk.toString();
          if (process.env.RECADO_CHILD_DEBUG) process.stderr.write(chunk);
        });
        proc.once('exit', (code) => {
          clearTimeout(timer);
          if (code !== null) reject(new Error(`child exited ${code}: ${err}`));
        });
      });
    const killed = (proc: ChildProcess) =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });

    // Answers take 40 ms after the send took effect, as Meta's do (and more): the window in which a
    // kill leaves a message accepted by Meta but not yet confirmed in the log.
    sandbox = await startTestSandbox({ rateLimits: { messagesPerSecond: 1_000_000 }, timing: { responseDelayMs: 40 } });
    const sb = sandbox;
    db = openDatabase(join(data.dir, 'recado.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    const base = db;
    const settings = createSettingsService(openConfStore(data.dir), createLogger(() => undefined));
    settings.dispatch.set({ ...DEFAULT_DISPATCH_SETTINGS, minDelaySeconds: 0, maxDelaySeconds: 0, maxPerBatch: 500, pollingIntervalSeconds: 60 });
    const prng = createPrng(seed);
    let next = 0;
    const addOrders = (n: number) => {
      for (let i = 0; i < n; i++, next++) {
        const now = Date.now();
        saveOrder(base, makeOrder(next, { createdAt: now, updatedAt: now }), now);
      }
    };
    addOrders(CRASH_BACKLOG);
    // The app had been running: its first scan of the local book is behind it (that scan of
    // hundreds of orders would otherwise be what every early kill interrupts).
    await syncOrderSource(base, localOrderSource(base), { now: Date.now(), lookbackDays: 7 });

    const pending = () => base.$client.prepare("SELECT count(*) n FROM notifications WHERE status IN ('queued', 'sending')").get() as { n: number };
    for (let cycle = 0; cycle < kills; cycle++) {
      addOrders(CRASH_PER_CYCLE);
      // Kill during start-up sometimes, mostly while it sends.
      const early = prng.chance(0.15);
      const spawned = startChild();
      if (early) {
        await sleep(prng.int(0, 120));
        const proc = await Promise.race([spawned, sleep(0).then(() => null)]);
        spawned.then((p) => killed(p)).catch(() => undefined);
        if (proc) await killed(proc);
        await spawned.then(killed).catch(() => undefined);
        continue;
      }
      child = await spawned;
      // A random moment while it sends. First let it queue this cycle's events (its first run
      // starts at once), then wait for 0–4 more messages to reach the Sandbox, plus 0–15 ms:
      // measured in progress, not time, so the kills land mid-request on a fast or a slow machine
      // (the Sandbox answers 40 ms after a send took effect).
      const sentBefore = sb.control.sent().length;
      const startDeadline = Date.now() + 3_000;
      while (pending().n === 0 && sb.control.sent().length === sentBefore && Date.now() < startDeadline) await sleep(2);
      const target = sb.control.sent().length + (pending().n > 0 ? prng.int(0, 4) : 0);
      const deadline = Date.now() + 1_000;
      while (sb.control.sent().length < target && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      await sleep(prng.int(0, 15));
      await killed(child);
    }

    // Last start: let it finish the queue.
    child = await startChild();
    const ledger = () => (base.$client.prepare('SELECT count(*) n FROM order_events').get() as { n: number }).n;
    const rowsCount = () => (base.$client.prepare('SELECT count(*) n FROM notifications').get() as { n: number }).n;
    // Until the queue is empty; given up only after 30 s without progress (500 kills leave
    // hundreds queued, more than a fixed 30 s drains on a loaded machine).
    let lastProgressAt = Date.now();
    let lastPending = Infinity;
    while ((pending().n > 0 || rowsCount() < ledger()) && Date.now() - lastProgressAt < 30_000) {
      await sleep(20);
      if (pending().n < lastPending) [lastPending, lastProgressAt] = [pending().n, Date.now()];
    }
    await killed(child);

    const sent = sb.control.sent();
    const perNotification = new Map<string, number>();
    for (const m of sent) perNotification.set(m.bizOpaqueCallbackData ?? 'none', (perNotification.get(m.bizOpaqueCallbackData ?? 'none') ?? 0) + 1);
    const events = base.$client
      .prepare('SELECT e.id, count(n.id) rows, group_concat(n.status) status FROM order_events e LEFT JOIN notifications n ON n.order_event_id = e.id GROUP BY e.id')
      .all() as { id: number; rows: number; status: string }[];
    const statusOf = base.$client.prepare('SELECT status FROM notifications WHERE id = ?');
    return {
      kills,
      events: events.length,
      sent,
      duplicates: [...perNotification.entries()].filter(([, n]) => n > 1),
      withoutOpaqueId: perNotification.get('none') ?? 0,
      vanished: events.filter((e) => e.rows !== 1 || !VISIBLE.has(e.status)),
      acceptedStatuses: sent.map((m) => (statusOf.get(Number(m.bizOpaqueCallbackData)) as { status: string } | undefined)?.status ?? 'missing'),
      counts: Object.fromEntries(
        (base.$client.prepare('SELECT status, count(*) n FROM notifications GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
      ),
    };
  } finally {
    child?.kill('SIGKILL');
    db?.$client.close();
    await sandbox?.close();
    bundleDir.remove();
    data.remove();
  }
}
