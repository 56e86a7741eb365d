import { appInfoHandlers } from './app-info/handlers';
import { blacklistHandlers } from './blacklist/handlers';
import { logHandlers } from './log/handlers';
import { toolsHandlers } from './tools/handlers';
import { createContractRouter, type ContractRouter } from './contract/contract-router';
import type { EventBus } from './contract/event-bus';
import { mergeHandlers, type Handlers, type HandlersFor, type SharedMethod } from './contract/handlers';
import type { CoreContext, HostInfo } from './core-context';
import { credentialsHandlers } from './credentials/handlers';
import { createDispatcher, type Dispatcher } from './dispatcher/dispatcher';
import { dispatchHandlers } from './dispatcher/handlers';
import { doctorHandlers } from './doctor/handlers';
import { wizardHandlers } from './wizard/handlers';
import type { ResolveHost } from './sandbox/outgoing-http';
import { createAppStateRepository } from './db/app-state-repository';
import { openDatabase } from './db/open-database';
import { csvHandlers } from './orders/csv/handlers';
import { endpointHandlers } from './orders/endpoint/handlers';
import { ordersHandlers } from './orders/handlers';
import { wooHandlers } from './orders/woocommerce/handlers';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { SandboxStatus } from '../../shared/contract/methods/sandbox';
import { sandboxHandlers } from './sandbox/handlers';
import { startSandboxRuntime } from './sandbox/sandbox-mode';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsService } from './settings/settings-service';
import { settingsHandlers } from './settings/handlers';
import { statusHandlers } from './status/handlers';
import { templatesHandlers } from './templates/handlers';
import { createCallbackRegistrar, type MetaCallbackApi } from './tunnel/callback-registration';
import { tunnelHandlers } from './tunnel/handlers';
import { ensureInstallId, stableSubdomain } from './tunnel/subdomain';
import { createTunnelService, type TunnelService } from './tunnel/tunnel-service';
import { webhookHandlers } from './webhook/handlers';
import { createWebhookService, type WebhookService } from './webhook/webhook-service';
import { createMarketingHolds } from './templates/marketing-holds';
import { templateCategoryHandlers } from './templates/template-category-handlers';
import { WEBHOOK_PATH } from '../../shared/settings/webhook';
import { createMetaAccess } from './whatsapp/meta-access';
import { metaCallbackApiFor } from './whatsapp/meta-callback-api';

export interface SessionDeps {
  host: HostInfo;
  migrationsDir: string;
  databaseFile: string;
  sandbox: boolean;
  settings: SettingsService;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  random: () => number;
  logger: Logger;
  /** Overrides the Graph calls that register the webhook URL (tests use a fake Meta). */
  metaCallbackApi?: () => MetaCallbackApi | null;
  /** Test-only: live mode's Graph base URL (see CoreDeps.metaBaseUrl). */
  metaBaseUrl?: string;
  /** Test-only: how the doctor's self-test reaches a host name (see CoreDeps.resolveHost). */
  resolveHost?: ResolveHost;
  switchMode(enabled: boolean): Promise<SandboxStatus>;
  /** Handlers that outlive a session (backups), served beside the session's own. */
  sharedHandlers: HandlersFor<SharedMethod>;
}

/**
 * Everything that belongs to one mode (live Meta or Sandbox): its database file, its emulator,
 * its handlers, its webhook server and tunnel. Switching mode closes one session and opens the
 * other, so Sandbox data and traffic never mix with real ones.
 */
export interface Session {
  ctx: CoreContext;
  invoke: ContractRouter;
  webhook: WebhookService;
  tunnel: TunnelService;
  /** The dispatcher loop; started by `startServices`, stopped by `close`. */
  dispatcher: Dispatcher;
  /**
   * Starts the background services: the webhook server, then the tunnel (live mode). In Sandbox
   * mode the emulator is pointed straight at the local webhook instead; nothing leaves the PC.
   */
  startServices(port?: number): Promise<void>;
  close(): Promise<void>;
}

/** Runs `build`; if it throws, runs `release` and rethrows. */
function closingOnError<T>(build: () => T, release: () => void): T {
  try {
    return build();
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens one mode's session; throws (having closed its database) if two features serve one method. */
export function openSession(deps: SessionDeps): Session {
  const { settings, secrets, events, clock, logger } = deps;
  const db = openDatabase(deps.databaseFile, { migrationsDir: deps.migrationsDir });
  const sandbox = deps.sandbox ? startSandboxRuntime({ seed: settings.sandbox.get().seed, clock, logger }) : null;
  const ctx: CoreContext = {
    db,
    settings,
    secrets,
    events,
    clock,
    logger,
    host: deps.host,
    meta: createMetaAccess({ settings, secrets, logger, sandbox, ...(deps.metaBaseUrl ? { liveBaseUrl: deps.metaBaseUrl } : {}) }),
  };

  // The dispatcher is created below; the webhook wakes it when a callback queues a notification.
  // A template's category or mapping changed: announce new holds, and wake the dispatcher so released notifications go.
  const holds = createMarketingHolds(ctx);
  const templatesChanged = () => {
    try {
      holds.announce();
    } catch (error) {
      logger.error('marketing holds could not be announced', { error });
    }
    dispatcher.poke();
  };
  const webhook = createWebhookService(ctx, { onQueued: () => dispatcher.poke(), onTemplateCategory: templatesChanged });
  const tunnel = createTunnelService({
    clock,
    random: deps.random,
    logger,
    events,
    settings: () => settings.tunnel.get(),
    localPort: () => webhook.port(),
    subdomain: stableSubdomain(ensureInstallId(createAppStateRepository(db, logger), clock.now())),
  });
  const registrar = createCallbackRegistrar({
    api: deps.metaCallbackApi ?? (() => metaCallbackApiFor(ctx.meta)),
    verifyToken: () => secrets.get('verifyToken'),
    clock,
    random: deps.random,
    logger,
    onChange: (state) => tunnel.setRegistration(state),
  });
  tunnel.onPublicUrlChanged((_publicUrl, webhookUrl) => void registrar.register(webhookUrl));
  const dispatcher = createDispatcher(ctx, { random: deps.random });
  // Sandbox: the emulator calls the local webhook directly; live: the tunnel's public URL.
  const callbackUrl = () => {
    if (ctx.meta.mode === 'live') return tunnel.state().webhookUrl;
    const port = webhook.port();
    return port === null ? null : `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  };

  const handlers: Handlers = closingOnError(
    () => mergeHandlers(
      appInfoHandlers(ctx),
      credentialsHandlers(ctx),
      settingsHandlers(ctx),
      sandboxHandlers(ctx, deps.switchMode),
      ordersHandlers(ctx),
      csvHandlers(ctx),
      endpointHandlers(ctx),
      wooHandlers(ctx),
      webhookHandlers(ctx, webhook),
      tunnelHandlers(ctx, tunnel),
      statusHandlers(ctx, { tunnel, webhook, dispatcher }),
      logHandlers(ctx, { catchUp: () => dispatcher.catchUp() }),
      blacklistHandlers(ctx),
      toolsHandlers(ctx, { callbackUrl, register: (url) => registrar.register(url) }),
      wizardHandlers(ctx),
      doctorHandlers(ctx, {
        callbackUrl,
        register: (url) => registrar.register(url),
        registration: () => registrar.state(),
        tunnel,
        webhook,
        dispatcher,
        ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
      }),
      templatesHandlers(ctx, { onTemplatesChanged: templatesChanged }),
      templateCategoryHandlers(holds, templatesChanged),
      dispatchHandlers(ctx, dispatcher),
      deps.sharedHandlers,
    ),
    // Two features answering one method is a bug found at start-up: release what opened so far.
    () => {
      void sandbox?.close();
      db.$client.close();
    },
  );
  logger.info('core session opened', { mode: ctx.meta.mode });

  return {
    ctx,
    invoke: createContractRouter(handlers, logger),
    webhook,
    tunnel,
    dispatcher,
    async startServices(port) {
      const server = await webhook.start(port);
      const emulator = await ctx.meta.sandbox();
      if (emulator) {
        // Sandbox mode: the emulator plays Meta's App Dashboard callback, on loopback (it checks
        // the URL with Meta's GET handshake first). No tunnel: nothing leaves the PC.
        const url = `${server.localUrl}${WEBHOOK_PATH}`;
        try {
          await emulator.control.setAppCallback({ url, verifyToken: secrets.get('verifyToken') ?? '' });
        } catch (error) {
          // The webhook keeps running; a failed handshake must not fail the mode switch.
          logger.error('sandbox emulator refused the local webhook callback', { url, error });
        }
      } else {
        tunnel.start();
      }
      // After the webhook: statuses of what it sends can be received from the first send on.
      dispatcher.start();
    },
    async close() {
      await dispatcher.stop();
      tunnel.stop();
      registrar.stop();
      await webhook.stop();
      await sandbox?.close();
      db.$client.close();
    },
  };
}
