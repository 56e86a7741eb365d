import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../create-core';
import { openConfStore } from '../platform/conf-store';
import { createLogger, memorySink } from '../platform/logger';
import { createFileKeyCipher } from '../secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../secrets/secret-store';
import type { Clock } from '../platform/clock';
import { DEFAULT_SANDBOX_SETTINGS } from '../../../shared/settings/sandbox';
import type { ResolveHost } from '../sandbox/outgoing-http';
import type { MetaCallbackApi } from '../tunnel/callback-registration';

/** The repository's `drizzle/` folder, for tests that open real databases. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export function makeTempDir(prefix = 'recado-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A real core on a real data folder (SQLite file, conf settings, AES key file), wired like the
 * web host wires it. Log lines are kept in `logLines` so tests can check nothing leaks.
 */
export function openTempCore(
  dataDir: string,
  options: {
    clock?: Clock;
    metaCallbackApi?: () => MetaCallbackApi | null;
    /** Force a mode; by default a fresh folder starts in Sandbox mode, like a new install. */
    mode?: 'live' | 'sandbox';
    /** Live mode's Graph base URL: a Meta Sandbox the test started (CoreDeps.metaBaseUrl). */
    metaBaseUrl?: string;
    /** Where the doctor's self-test dials a host name (CoreDeps.resolveHost). */
    resolveHost?: ResolveHost;
  } = {},
) {
  const sink = memorySink();
  const logger = createLogger(sink, 'debug');
  const settingsStore = openConfStore(dataDir);
  const secrets = createEncryptedSecretStore(settingsStore, createFileKeyCipher(dataDir), logger);
  if (options.mode) settingsStore.set('sandbox', { ...DEFAULT_SANDBOX_SETTINGS, enabled: options.mode === 'sandbox' });
  const core: Core = createCore({
    host: { kind: 'web', version: '0.0.0-test', dataDir },
    migrationsDir: MIGRATIONS_DIR,
    settingsStore,
    secrets,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.metaCallbackApi ? { metaCallbackApi: options.metaCallbackApi } : {}),
    ...(options.metaBaseUrl ? { metaBaseUrl: options.metaBaseUrl } : {}),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  });
  return { core, secrets, settingsStore, logLines: sink.lines };
}
