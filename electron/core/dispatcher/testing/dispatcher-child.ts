// The dispatcher in its own process, for the crash test (dispatcher-crash.test.ts): the test
// bundles this file, starts it against a Sandbox in the test process and SIGKILLs it.
// argv: <dataDir> <migrationsDir> <sandboxBaseUrl>. Prints `ready` once the loop started.
import { join } from 'node:path';
import { createEventBus } from '../../contract/event-bus';
import type { CoreContext } from '../../core-context';
import { openDatabase } from '../../db/open-database';
import { localOrderSource } from '../../orders/order-source';
import { systemClock } from '../../platform/clock';
import { openConfStore } from '../../platform/conf-store';
import { createLogger } from '../../platform/logger';
import { DEMO } from '../../sandbox/demo-world';
import { createFileKeyCipher } from '../../secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../../secrets/secret-store';
import { createSettingsService } from '../../settings/settings-service';
import { createGraphClient } from '../../whatsapp/graph-client';
import { createDispatcher } from '../dispatcher';

function main(): void {
  const [dataDir, migrationsDir, baseUrl] = process.argv.slice(2);
  if (!dataDir || !migrationsDir || !baseUrl) throw new Error('usage: dispatcher-child <dataDir> <migrationsDir> <sandboxBaseUrl>');
  const started = Date.now();
  const logger = createLogger(process.env.RECADO_CHILD_DEBUG ? (line) => void process.stderr.write(`${Date.now() - started}ms ${line}\n`) : () => undefined, 'debug');
  const db = openDatabase(join(dataDir, 'recado.sqlite'), { migrationsDir });
  const store = openConfStore(dataDir);
  const ctx: CoreContext = {
    db,
    settings: createSettingsService(store, logger),
    secrets: createEncryptedSecretStore(store, createFileKeyCipher(dataDir), logger),
    events: createEventBus(logger),
    clock: systemClock,
    logger,
    host: { kind: 'web', version: 'test', dataDir },
    meta: {
      mode: 'sandbox',
      client: async () => createGraphClient({ baseUrl, apiVersion: 'v23.0', accessToken: () => DEMO.accessToken }),
      account: () => ({ phoneNumberId: DEMO.phoneNumberId, businessAccountId: DEMO.wabaId, appId: DEMO.appId, apiVersion: 'v23.0' }),
      appSecret: () => DEMO.appSecret,
      sandbox: async () => null,
    },
  };
  if (process.env.RECADO_CHILD_DEBUG) ctx.events.subscribe((name, payload) => logger.debug(name, { payload }));
  const dispatcher = createDispatcher(ctx, { random: Math.random, sources: () => [localOrderSource(db)] });
  dispatcher.start();
  // The system clock unrefs its timers (hosts keep the process alive); this process has no host.
  setInterval(() => undefined, 1 << 30);
  process.stdout.write('ready\n');
}

try {
  main();
} catch (error) {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
}
