import { join } from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { openConfStore } from '../core/platform/conf-store';
import { createLogger, fileSink, type Logger } from '../core/platform/logger';
import { createStartupNotices } from '../core/platform/startup-notices';
import { LOG_FILE } from '../core/platform/paths';
import { createFileKeyCipher } from '../core/secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../core/secrets/secret-store';

export interface WebCoreOptions {
  dataDir: string;
  migrationsDir: string;
  version: string;
  /** Echo log lines to stderr. */
  verbose?: boolean;
  /**
   * Test-only (the end-to-end "Meta path"): live mode's Graph base URL is a Meta Sandbox the test
   * started, and `*.localhost` tunnel URLs are dialled on 127.0.0.1. Read from the environment by
   * the CLI (`RECADO_TEST_META_BASE_URL`, `RECADO_TEST_RESOLVE_LOCALHOST=1`); users never set them.
   */
  test?: { metaBaseUrl?: string; resolveLocalhost?: boolean };
}

/** The core as the web host runs it: `conf` for settings, a key file for secrets. */
export function openWebCore(options: WebCoreOptions): { core: Core; logger: Logger } {
  const logger = createLogger(fileSink(join(options.dataDir, LOG_FILE), options.verbose ?? false));
  // Shown on the Status screen (app.notices) as well as logged: the owner must know.
  const notices = createStartupNotices();
  const settingsStore = openConfStore(options.dataDir, (keptAs) => {
    logger.warn('the settings file was damaged; starting on defaults, the damaged copy is kept', { keptAs });
    notices.add('settings_damaged', keptAs);
  });
  const cipher = createFileKeyCipher(options.dataDir, (keptAs) => {
    logger.warn('the secret key file was damaged; a new key was made and the stored secrets must be typed again', { keptAs });
    notices.add('secret_key_damaged', keptAs);
  });
  const secrets = createEncryptedSecretStore(settingsStore, cipher, logger);
  const core = createCore({
    host: { kind: 'web', version: options.version, dataDir: options.dataDir },
    migrationsDir: options.migrationsDir,
    settingsStore,
    secrets,
    logger,
    notices,
    ...(options.test?.metaBaseUrl ? { metaBaseUrl: options.test.metaBaseUrl } : {}),
    ...(options.test?.resolveLocalhost ? { resolveHost: (host: string) => (host.endsWith('.localhost') ? '127.0.0.1' : null) } : {}),
  });
  return { core, logger };
}
