// A webhook server in its own process, for the crash test (durability.test.ts): the test bundles
// this file, starts it, sends a burst of callbacks and SIGKILLs it.
// argv: <dataDir> <migrationsDir>. Prints `{"port":N}` once listening.
import { createCore } from '../../create-core';
import { openConfStore } from '../../platform/conf-store';
import { createLogger } from '../../platform/logger';
import { createFileKeyCipher } from '../../secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../../secrets/secret-store';

async function main(): Promise<void> {
  const [dataDir, migrationsDir] = process.argv.slice(2);
  if (!dataDir || !migrationsDir) throw new Error('usage: webhook-child <dataDir> <migrationsDir>');
  const logger = createLogger(() => undefined);
  const settingsStore = openConfStore(dataDir);
  const secrets = createEncryptedSecretStore(settingsStore, createFileKeyCipher(dataDir), logger);
  const core = createCore({ host: { kind: 'web', version: 'test', dataDir }, migrationsDir, settingsStore, secrets, logger });
  const server = await core.webhook.start(0);
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
