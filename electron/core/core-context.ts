import type { AppDatabase } from './db/open-database';
import type { EventBus } from './contract/event-bus';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsService } from './settings/settings-service';
import type { MetaAccess } from './whatsapp/meta-access';

/** What every feature's handlers and services get: capabilities, never globals. */
export interface CoreContext {
  db: AppDatabase;
  settings: SettingsService;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  host: HostInfo;
  /** Meta (or, in Sandbox mode, the local emulator): the Graph client, account ids, app secret. */
  meta: MetaAccess;
}

export interface HostInfo {
  kind: 'desktop' | 'web';
  version: string;
  dataDir: string;
  /** How the host protects secrets; the web host always uses the key file. */
  secretStorage?: { scheme: 'keyring' | 'file-key'; keyringMissing: boolean };
}
