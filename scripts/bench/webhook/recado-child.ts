// The webhook server for the ingest bench, in its own process: argv <dataDir> <migrationsDir>
// <node|hono> (which code serves Meta's route). Prints `{"port":N}` once listening; stops cleanly on
// SIGTERM.
import { createCore } from '../../../electron/core/create-core';
import { openConfStore } from '../../../electron/core/platform/conf-store';
import { createLogger } from '../../../electron/core/platform/logger';
import { createFileKeyCipher } from '../../../electron/core/secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../../../electron/core/secrets/secret-store';
import { startWebhookServer } from '../../../electron/core/webhook/server';

async function main(): Promise<void> {
  const [dataDir, migrationsDir, route] = process.argv.slice(2);
  if (!dataDir || !migrationsDir || (route !== 'node' && route !== 'hono')) throw new Error('usage: recado-child <dataDir> <migrationsDir> <node|hono>');
  const logger = createLogger(() => undefined);
  const settingsStore = openConfStore(dataDir);
  const secrets = createEncryptedSecretStore(settingsStore, createFileKeyCipher(dataDir), logger);
  const core = createCore({ host: { kind: 'web', version: 'bench', dataDir }, migrationsDir, settingsStore, secrets, logger });
  const server = await startWebhookServer({ ctx: core.context(), port: 0, metaRoute: route });
  stopOnSigterm(async () => {
    await server.close();
    await core.close();
  });
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
}

/** On SIGTERM: stop cleanly (last commit, WAL checkpoint), then exit. */
function stopOnSigterm(stop: () => Promise<void>): void {
  process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
