import { join } from 'node:path';
import type { SandboxStatus } from '../../shared/contract/methods/sandbox';
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
import { DATABASE_FILE, SANDBOX_DATABASE_FILE } from './platform/paths';
import { sandboxHandlers, sandboxStatus } from './sandbox/handlers';
import { initialSandboxMode, startSandboxRuntime } from './sandbox/sandbox-mode';
import type { SecretStore } from './secrets/secret-store';
import { createSettingsService } from './settings/settings-service';
import { settingsHandlers } from './settings/handlers';
import { createMetaAccess } from './whatsapp/meta-access';

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
  /** Sandbox mode's database; defaults to `<dataDir>/recado-sandbox.sqlite` (`:memory:` if `databaseFile` is). */
  sandboxDatabaseFile?: string;
}

export interface Core {
  /** The one function every transport calls. Never throws; answers with an envelope. */
  dispatch: Dispatch;
  /** Pushed events, for transports to forward. Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** The current mode's context (for hosts that start services beside the contract). */
  context(): CoreContext;
  close(): Promise<void>;
}

interface Session {
  ctx: CoreContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/**
 * Opens the database, wires every feature's handlers, and returns the contract's entry point.
 * Everything that depends on the mode (live Meta or Sandbox) lives in a session: its own
 * database file, its own emulator, its own handlers. Switching mode closes one session and
 * opens the other, so Sandbox data never mixes with real data.
 */
export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger;
  const clock = deps.clock ?? systemClock;
  const settings = createSettingsService(deps.settingsStore, logger);
  const events = createEventBus(logger);

  const databaseFor = (sandbox: boolean) => {
    if (!sandbox) return deps.databaseFile ?? join(deps.host.dataDir, DATABASE_FILE);
    if (deps.sandboxDatabaseFile) return deps.sandboxDatabaseFile;
    return deps.databaseFile === ':memory:' ? ':memory:' : join(deps.host.dataDir, SANDBOX_DATABASE_FILE);
  };

  function openSession(sandboxOn: boolean): Session {
    const db = openDatabase(databaseFor(sandboxOn), { migrationsDir: deps.migrationsDir });
    const sandbox = sandboxOn ? startSandboxRuntime({ seed: settings.sandbox.get().seed, clock, logger }) : null;
    const ctx: CoreContext = {
      db,
      settings,
      secrets: deps.secrets,
      events,
      clock,
      logger,
      host: deps.host,
      meta: createMetaAccess({ settings, secrets: deps.secrets, logger, sandbox }),
    };
    const handlers: Handlers = {
      ...appInfoHandlers(ctx),
      ...credentialsHandlers(ctx),
      ...settingsHandlers(ctx),
      ...sandboxHandlers(ctx, switchMode),
      ...ordersHandlers(ctx),
      ...csvHandlers(ctx),
      ...endpointHandlers(ctx),
      ...wooHandlers(ctx),
    };
    logger.info('core session opened', { mode: ctx.meta.mode });
    return {
      ctx,
      dispatch: createDispatch(handlers, logger),
      async close() {
        await sandbox?.close();
        db.$client.close();
      },
    };
  }

  let session = openSession(initialSandboxMode(deps.settingsStore, settings, deps.secrets));
  let switching: Promise<unknown> = Promise.resolve();

  async function switchMode(enabled: boolean): Promise<SandboxStatus> {
    const run = (async () => {
      settings.sandbox.set({ ...settings.sandbox.get(), enabled });
      await session.close();
      session = openSession(enabled);
    })();
    switching = run.catch(() => undefined);
    await run;
    events.emit('sandbox.modeChanged', { enabled });
    return sandboxStatus(session.ctx);
  }

  logger.info('core started', { host: deps.host.kind, version: deps.host.version });
  return {
    async dispatch(method, input) {
      await switching;
      return session.dispatch(method, input);
    },
    subscribe: events.subscribe,
    context: () => session.ctx,
    async close() {
      await switching;
      await session.close();
    },
  };
}
