import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/contract/client';
import type { SandboxStatus } from '../../shared/contract/methods/sandbox';
import type { ContractRouter } from './contract/contract-router';
import { createEventBus, type EventListener } from './contract/event-bus';
import type { CoreContext, HostInfo } from './core-context';
import { systemClock, type Clock } from './platform/clock';
import type { KeyValueStore } from './platform/key-value-store';
import type { Logger } from './platform/logger';
import { createStartupNotices, type StartupNotices } from './platform/startup-notices';
import { DATABASE_FILE, SANDBOX_DATABASE_FILE } from './platform/paths';
import { sandboxStatus } from './sandbox/handlers';
import { initialSandboxMode } from './sandbox/sandbox-mode';
import type { SecretStore } from './secrets/secret-store';
import { openSession, type Session } from './session';
import { applyPendingRestore, createBackupService, type BackupService } from './backup/backup-service';
import { backupHandlers } from './backup/handlers';
import { createSettingsService } from './settings/settings-service';
import type { ResolveHost } from './sandbox/outgoing-http';
import type { MetaCallbackApi } from './tunnel/callback-registration';
import type { TunnelService } from './tunnel/tunnel-service';
import type { WebhookService } from './webhook/webhook-service';

/** Everything a host hands the core. The core imports no Electron and finds nothing by itself. */
export interface CoreDeps {
  host: HostInfo;
  /** The `drizzle/` folder with the migrations. */
  migrationsDir: string;
  settingsStore: KeyValueStore;
  secrets: SecretStore;
  logger: Logger;
  /** What went wrong while the host opened the settings and key files (`onDamaged`), for the Status screen. */
  notices?: StartupNotices;
  clock?: Clock;
  /** 0 ≤ r < 1; defaults to Math.random. */
  random?: () => number;
  /** Defaults to `<dataDir>/recado.sqlite`; tests may pass `:memory:`. */
  databaseFile?: string;
  /** Sandbox mode's database; defaults to `<dataDir>/recado-sandbox.sqlite` (`:memory:` if `databaseFile` is). */
  sandboxDatabaseFile?: string;
  /** Replaces the Graph calls that register the webhook URL at Meta (tests use a fake Meta). */
  metaCallbackApi?: () => MetaCallbackApi | null;
  /**
   * Test-only: live mode's Graph base URL instead of https://graph.facebook.com (a Meta Sandbox
   * started by the test, reached with the credentials the test saved). Hosts never set it.
   */
  metaBaseUrl?: string;
  /**
   * Test-only: where the doctor's reachability self-test dials a host name (a localtunnel URL
   * `http://<id>.localhost:<port>`, which Node cannot resolve). Hosts never set it.
   */
  resolveHost?: ResolveHost;
}

export interface Core {
  /** The one function every transport calls. Never throws; answers with an envelope. */
  invoke: ContractRouter;
  /** Pushed events, for transports to forward. Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /**
   * The contract's typed client over `invoke` and `subscribe`, for callers in the same process
   * (the Electron main process, tests): outputs typed by the contract, an error envelope thrown
   * as a `CallError`.
   */
  readonly client: ApiClient<'core'>;
  /** The current mode's context (for hosts that start services beside the contract). */
  context(): CoreContext;
  /**
   * Starts the background services of the current mode (webhook server; tunnel in live mode) and
   * keeps them running across mode switches. Hosts call it once after start-up.
   */
  startServices(options?: { webhookPort?: number }): Promise<void>;
  /** The current mode's webhook server (tests start it on port 0). */
  readonly webhook: WebhookService;
  /** The current mode's tunnel. */
  readonly tunnel: TunnelService;
  /** Export, restore and the daily backup (started with the services). */
  readonly backups: BackupService;
  close(): Promise<void>;
}

/**
 * Opens the current mode's session and returns the contract's entry point. A mode switch
 * (`sandbox.setMode`) waits for calls in flight to see a consistent session, closes it and opens
 * the other one; running services move along.
 */
export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger;
  const clock = deps.clock ?? systemClock;
  const settings = createSettingsService(deps.settingsStore, logger);
  const events = createEventBus(logger);
  let services: { webhookPort?: number } | null = null;
  // A restore chosen in the app last time goes in before any database opens.
  if (deps.databaseFile === undefined) applyPendingRestore({ dataDir: deps.host.dataDir, migrationsDir: deps.migrationsDir, settings, logger });
  const backups = createBackupService({ dataDir: deps.host.dataDir, migrationsDir: deps.migrationsDir, settings, appVersion: deps.host.version, clock, logger });
  const notices = deps.notices ?? createStartupNotices();
  const sharedHandlers = {
    ...backupHandlers(backups),
    'app.notices': () => notices.list(),
    'app.dismissNotice': ({ id }: { id: string }) => notices.dismiss(id),
  };

  const databaseFor = (sandbox: boolean) => {
    if (!sandbox) return deps.databaseFile ?? join(deps.host.dataDir, DATABASE_FILE);
    if (deps.sandboxDatabaseFile) return deps.sandboxDatabaseFile;
    return deps.databaseFile === ':memory:' ? ':memory:' : join(deps.host.dataDir, SANDBOX_DATABASE_FILE);
  };

  const open = (sandbox: boolean): Session =>
    openSession({
      host: deps.host,
      migrationsDir: deps.migrationsDir,
      databaseFile: databaseFor(sandbox),
      sandbox,
      settings,
      secrets: deps.secrets,
      events,
      clock,
      random: deps.random ?? Math.random,
      logger,
      ...(deps.metaCallbackApi ? { metaCallbackApi: deps.metaCallbackApi } : {}),
      ...(deps.metaBaseUrl ? { metaBaseUrl: deps.metaBaseUrl } : {}),
      ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
      switchMode,
      sharedHandlers,
    });

  let session = open(initialSandboxMode(deps.settingsStore, settings, deps.secrets));
  let switching: Promise<unknown> = Promise.resolve();

  async function switchMode(enabled: boolean): Promise<SandboxStatus> {
    const run = (async () => {
      settings.sandbox.set({ ...settings.sandbox.get(), enabled });
      await session.close();
      session = open(enabled);
      if (services) await session.startServices(services.webhookPort);
    })();
    switching = run.catch(() => undefined);
    await run;
    events.emit('sandbox.modeChanged', { enabled });
    return sandboxStatus(session.ctx);
  }

  logger.info('core started', { host: deps.host.kind, version: deps.host.version });
  const invoke: ContractRouter = async (method, input) => {
    await switching;
    return session.invoke(method, input);
  };
  const client = createApiClient(
    {
      invoke,
      on: (event, callback) => events.subscribe((name, payload) => name === event && callback(payload)),
    },
    'core',
  );
  return {
    invoke,
    subscribe: events.subscribe,
    client,
    context: () => session.ctx,
    async startServices(options = {}) {
      services = options;
      await session.startServices(options.webhookPort);
      if (deps.databaseFile === undefined) backups.start();
    },
    backups,
    get webhook() {
      return session.webhook;
    },
    get tunnel() {
      return session.tunnel;
    },
    async close() {
      await switching;
      services = null;
      backups.stop();
      await session.close();
    },
  };
}
