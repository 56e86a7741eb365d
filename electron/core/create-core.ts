import { join } from 'node:path';
import { appInfoHandlers } from './app-info/handlers';
import { createDispatch, type Dispatch } from './contract/dispatch';
import { createEventBus, type EventListener } from './contract/event-bus';
import type { Handlers } from './contract/handlers';
import type { CoreContext, HostInfo } from './core-context';
import { credentialsHandlers } from './credentials/handlers';
import { openDatabase } from './db/open-database';
import { csvHandlers } from './orders/csv/handlers';
import { endpointHandlers } from './orders/endpoint/handlers';
import { ordersHandlers } from './orders/handlers';
import { wooHandlers } from './orders/woocommerce/handlers';
import { systemClock, type Clock } from './platform/clock';
import type { KeyValueStore } from './platform/key-value-store';
import type { Logger } from './platform/logger';
import { DATABASE_FILE } from './platform/paths';
import type { SecretStore } from './secrets/secret-store';
import { createSettingsService } from './settings/settings-service';
import { settingsHandlers } from './settings/handlers';

/** Everything a host hands the core. The core imports no Electron and finds nothing by itself. */
export interface CoreDeps {
  host: HostInfo;
  /** The `drizzle/` folder with the migrations. */
  migrationsDir: string;
  settingsStore: KeyValueStore;
  secrets: SecretStore;
  logger: Logger;
  clock?: Clock;
  /** Defaults to `<dataDir>/recado.sqlite`; tests may pass `:memory:`. */
  databaseFile?: string;
}

export interface Core {
  /** The one function every transport calls. Never throws; answers with an envelope. */
  dispatch: Dispatch;
  /** Pushed events, for transports to forward. Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** Opens the database, wires every feature's handlers, and returns the contract's entry point. */
export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger;
  const db = openDatabase(deps.databaseFile ?? join(deps.host.dataDir, DATABASE_FILE), {
    migrationsDir: deps.migrationsDir,
  });
  const events = createEventBus(logger);
  const ctx: CoreContext = {
    db,
    settings: createSettingsService(deps.settingsStore, logger),
    secrets: deps.secrets,
    events,
    clock: deps.clock ?? systemClock,
    logger,
    host: deps.host,
  };

  const handlers: Handlers = {
    ...appInfoHandlers(ctx),
    ...credentialsHandlers(ctx),
    ...settingsHandlers(ctx),
    ...ordersHandlers(ctx),
    ...csvHandlers(ctx),
    ...endpointHandlers(ctx),
    ...wooHandlers(ctx),
  };

  logger.info('core started', { host: deps.host.kind, version: deps.host.version });
  return {
    dispatch: createDispatch(handlers, logger),
    subscribe: events.subscribe,
    async close() {
      db.$client.close();
    },
  };
}
