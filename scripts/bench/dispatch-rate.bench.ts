import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_DISPATCH_SETTINGS } from '../../shared/settings/dispatch';
import { createEventBus } from '../../electron/core/contract/event-bus';
import type { CoreContext } from '../../electron/core/core-context';
import { openDatabase } from '../../electron/core/db/open-database';
import { createDispatcher } from '../../electron/core/dispatcher/dispatcher';
import { makeOrder } from '../../electron/core/dispatcher/testing/dispatcher-harness';
import { saveOrder } from '../../electron/core/orders/order-book';
import { localOrderSource, syncOrderSource } from '../../electron/core/orders/order-source';
import { systemClock } from '../../electron/core/platform/clock';
import { openConfStore } from '../../electron/core/platform/conf-store';
import { createLogger } from '../../electron/core/platform/logger';
import { DEMO } from '../../electron/core/sandbox/demo-world';
import { startTestSandbox } from '../../electron/core/sandbox/testing/test-world';
import { createFileKeyCipher } from '../../electron/core/secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../../electron/core/secrets/secret-store';
import { createSettingsService } from '../../electron/core/settings/settings-service';
import { makeTempDir, MIGRATIONS_DIR } from '../../electron/core/testing/temp-core';
import { createGraphClient } from '../../electron/core/whatsapp/graph-client';
import { knob, publish } from './results';

// Dispatch rate: 1,000 notifications (each a different customer) at zero anti-ban delay, the real
// dispatcher on the system clock against the Sandbox capped at 80 msg/s per number (Meta's default
// throughput), over loopback. Achieved rate = sends / span between the first and last accepted.
const CAP = 80;
const MESSAGES = knob('DISPATCH_MESSAGES', 1_000);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

it(`dispatch rate: ${MESSAGES} notifications at zero delay against a ${CAP} msg/s cap`, async () => {
  const temp = makeTempDir('recado-bench-dispatch-');
  cleanups.push(() => temp.remove());
  const logger = createLogger(() => undefined, 'warn');
  const db = openDatabase(join(temp.dir, 'recado.sqlite'), { migrationsDir: MIGRATIONS_DIR });
  cleanups.push(() => {
    db.$client.close();
  });
  const store = openConfStore(temp.dir);
  const settings = createSettingsService(store, logger);
  settings.dispatch.set({ ...DEFAULT_DISPATCH_SETTINGS, minDelaySeconds: 0, maxDelaySeconds: 0, maxPerBatch: 500, pollingIntervalSeconds: 3600 });
  const sandbox = await startTestSandbox({ rateLimits: { messagesPerSecond: CAP } });
  cleanups.push(() => sandbox.close());
  const ctx: CoreContext = {
    db,
    settings,
    secrets: createEncryptedSecretStore(store, createFileKeyCipher(temp.dir), logger),
    events: createEventBus(logger),
    clock: systemClock,
    logger,
    meta: {
      mode: 'sandbox',
      client: async () => createGraphClient({ baseUrl: sandbox.baseUrl, apiVersion: 'v23.0', accessToken: () => DEMO.accessToken, timeoutMs: 5_000 }),
      account: () => ({ phoneNumberId: DEMO.phoneNumberId, businessAccountId: DEMO.wabaId, appId: DEMO.appId, apiVersion: 'v23.0' }),
      appSecret: () => DEMO.appSecret,
      sandbox: async () => sandbox,
    },
    host: { kind: 'web', version: 'bench', dataDir: temp.dir },
  };
  const now = Date.now();
  for (let i = 0; i < MESSAGES; i++) saveOrder(db, makeOrder(i, { createdAt: now, updatedAt: now }), now);
  await syncOrderSource(db, localOrderSource(db), { now, lookbackDays: 7 });

  const dispatcher = createDispatcher(ctx, { random: Math.random, sources: () => [localOrderSource(db)] });
  cleanups.push(() => dispatcher.stop());
  const pending = () => (db.$client.prepare("SELECT count(*) n FROM notifications WHERE status IN ('queued', 'sending')").get() as { n: number }).n;
  dispatcher.start();
  // A batch is at most 500 (the setting's maximum): the next batch is asked for at once, as
  // "Send now" does, instead of waiting for the polling interval.
  // A throughput error (130429) holds the whole queue for a backoff the rows do not show: when a
  // round made no progress, wait a little before asking again, and give up after 60 s of none.
  let lastProgressAt = Date.now();
  for (let before = pending(); ; ) {
    await dispatcher.idle();
    const left = pending();
    if (left === 0) break;
    if (left < before) lastProgressAt = Date.now();
    else if (Date.now() - lastProgressAt > 60_000) break;
    else await new Promise((r) => setTimeout(r, 250));
    before = left;
    const heldUntil = (db.$client.prepare("SELECT min(next_attempt_at) at FROM notifications WHERE status = 'queued'").get() as { at: number | null }).at;
    if (heldUntil !== null && heldUntil > Date.now()) await new Promise((r) => setTimeout(r, heldUntil - Date.now()));
    await dispatcher.sendNow();
  }

  const sent = sandbox.control.sent();
  const times = sent.map((m) => m.acceptedAt).sort((a, b) => a - b);
  const spanSeconds = (times.at(-1)! - times[0]!) / 1000;
  const rate = (sent.length - 1) / spanSeconds;
  const codes = Object.fromEntries(
    (db.$client.prepare('SELECT error_code code, count(*) n FROM notifications WHERE error_code IS NOT NULL GROUP BY error_code').all() as { code: number; n: number }[]).map((r) => [r.code, r.n]),
  );
  const statuses = Object.fromEntries((db.$client.prepare('SELECT status, count(*) n FROM notifications GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
  const pairErrors = codes[131056] ?? 0;
  publish(
    'dispatch rate',
    [
      { name: 'notifications accepted by the Sandbox', value: sent.length, target: `= ${MESSAGES}`, met: sent.length === MESSAGES },
      { name: 'span first → last accepted', value: spanSeconds, unit: 's' },
      { name: 'achieved rate', value: rate, unit: 'msg/s' },
      { name: `achieved rate / cap (${CAP} msg/s)`, value: rate / CAP, target: '≥ 0.9', met: rate / CAP >= 0.9 },
      { name: 'pair-rate errors (131056)', value: pairErrors, target: '= 0', met: pairErrors === 0 },
      { name: 'throughput errors (130429) met and retried', value: codes[130429] ?? 0 },
    ],
    { statuses, errorCodes: codes },
  );
  expect(sent.length).toBe(MESSAGES);
  expect(pairErrors).toBe(0);
});
