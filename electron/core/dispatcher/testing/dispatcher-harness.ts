import { join } from 'node:path';
import type { Order } from '../../../../shared/domain/order';
import { DEFAULT_DISPATCH_SETTINGS, type DispatchSettings } from '../../../../shared/settings/dispatch';
import { createEventBus } from '../../contract/event-bus';
import type { CoreContext } from '../../core-context';
import { openDatabase } from '../../db/open-database';
import { saveOrder } from '../../orders/order-book';
import { localOrderSource } from '../../orders/order-source';
import { openConfStore } from '../../platform/conf-store';
import { createLogger, memorySink } from '../../platform/logger';
import { DEMO } from '../../sandbox/demo-world';
import { createPrng } from '../../sandbox/prng';
import type { SandboxOptions } from '../../sandbox/server';
import { startTestSandbox } from '../../sandbox/testing/test-world';
import { createFileKeyCipher } from '../../secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../../secrets/secret-store';
import { createSettingsService } from '../../settings/settings-service';
import { makeTempDir, MIGRATIONS_DIR } from '../../testing/temp-core';
import { createGraphClient } from '../../whatsapp/graph-client';
import type { MetaAccess } from '../../whatsapp/meta-access';
import { createDispatcher } from '../dispatcher';
import { createDrivenClock } from './driven-clock';

/** 2026-05-28 12:00 UTC, a Thursday. */
export const T0 = Date.UTC(2026, 4, 28, 12, 0, 0);
export const MINUTE = 60_000;

/** A distinct, valid Brazilian mobile for customer `i` (São Paulo, 9th digit). */
export const phoneOf = (i: number) => `+55119${String(81_000_000 + i)}`;

export function makeOrder(i: number, patch: Partial<Order> = {}): Order {
  return {
    source: 'local',
    externalId: String(1000 + i),
    number: String(1000 + i),
    customerName: 'Maria Souza',
    phone: phoneOf(i),
    totalMinor: 123456,
    currency: 'BRL',
    status: 'pending',
    createdAt: T0 - 60 * MINUTE,
    updatedAt: T0 - 60 * MINUTE,
    shipments: [],
    refunds: [],
    cancelReason: null,
    ...patch,
  };
}

/**
 * A dispatcher on a real SQLite file and real settings, talking over loopback HTTP to the real
 * Sandbox; the dispatcher and the Sandbox share one driven clock.
 */
export async function openDispatcherHarness(
  options: { dispatch?: Partial<DispatchSettings>; seed?: number; sandbox?: Partial<SandboxOptions>; meta?: Partial<MetaAccess> } = {},
) {
  const temp = makeTempDir('recado-dispatcher-');
  const clock = createDrivenClock(T0);
  const sink = memorySink();
  const logger = createLogger(sink, 'debug');
  const db = openDatabase(join(temp.dir, 'recado.sqlite'), { migrationsDir: MIGRATIONS_DIR });
  const store = openConfStore(temp.dir);
  const settings = createSettingsService(store, logger);
  settings.dispatch.set({ ...DEFAULT_DISPATCH_SETTINGS, pollingIntervalSeconds: 60, ...options.dispatch });
  const secrets = createEncryptedSecretStore(store, createFileKeyCipher(temp.dir), logger);
  const events = createEventBus(logger);
  const pushed: { name: string; payload: unknown }[] = [];
  events.subscribe((name, payload) => pushed.push({ name, payload }));
  const sandbox = await startTestSandbox({ clock, ...options.sandbox });
  const meta: MetaAccess = {
    mode: 'sandbox',
    client: async () => createGraphClient({ baseUrl: sandbox.baseUrl, apiVersion: 'v23.0', accessToken: () => DEMO.accessToken, timeoutMs: 5_000 }),
    account: () => ({ phoneNumberId: DEMO.phoneNumberId, businessAccountId: DEMO.wabaId, appId: DEMO.appId, apiVersion: 'v23.0' }),
    appSecret: () => DEMO.appSecret,
    sandbox: async () => sandbox,
    ...options.meta,
  };
  const ctx: CoreContext = { db, settings, secrets, events, clock, logger, meta, host: { kind: 'web', version: 'test', dataDir: temp.dir } };
  const prng = createPrng(options.seed ?? 7);
  const dispatcher = createDispatcher(ctx, { random: () => prng.next(), sources: () => [localOrderSource(db)] });

  const rows = <T = Record<string, unknown>>(query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];

  /**
   * Lets the dispatcher work, advancing the clock only while it is parked on it, until `done()`
   * holds (or `maxSteps` timers fired). Returns whether `done()` held.
   */
  async function runUntil(done: () => boolean, maxSteps = 2_000): Promise<boolean> {
    for (let step = 0; step < maxSteps; step++) {
      await dispatcher.settled();
      await new Promise((r) => setImmediate(r));
      await dispatcher.settled();
      if (done()) return true;
      if (!clock.advanceToNext()) await new Promise((r) => setTimeout(r, 2));
    }
    await dispatcher.settled();
    return done();
  }

  return {
    ctx,
    db,
    clock,
    settings,
    sandbox,
    dispatcher,
    pushed,
    logLines: sink.lines,
    rows,
    addOrder: (order: Order) => saveOrder(db, order, clock.now()),
    runUntil,
    /** Runs until the dispatcher is idle with nothing sendable before `until` (ms). */
    runUntilTime: async (until: number) => {
      await runUntil(() => (clock.nextAt() ?? Infinity) > until);
      clock.advanceTo(until);
      await dispatcher.settled();
    },
    sent: () => sandbox.control.sent(),
    notification: (id: number) => rows<Record<string, unknown>>('SELECT * FROM notifications WHERE id = ?', id)[0],
    async close() {
      await dispatcher.stop();
      await sandbox.close();
      db.$client.close();
      temp.remove();
    },
  };
}

export type DispatcherHarness = Awaited<ReturnType<typeof openDispatcherHarness>>;
