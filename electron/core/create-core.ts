import { join } from 'node:path';
import { appInfoHandlers } from './app-info/handlers';
import { createDispatch, type Dispatch } from './contract/dispatch';
import { createEventBus, type EventListener } from './contract/event-bus';
import type { Handlers } from './contract/handlers';
import type { CoreContext, HostInfo } from './core-context';
import { credentialsHandlers } from './credentials/handlers';
import { openDatabase } from './db/open-database';
import { systemClock, type Clock } from './platform/clock';
import type { KeyValueStore } from './platform/key-value-store';
import type { Logger } from './platform/logger';
import { DATABASE_FILE } from './platform/paths';
import type { SecretStore } from './secrets/secret-store';
import { createSettingsService } from './settings/settings-service';
import { settingsHandlers } from './settings/handlers';
import { createAppStateRepository } from './db/app-state-repository';
import { createCallbackRegistrar, type MetaCallbackApi } from './tunnel/callback-registration';
import { tunnelHandlers } from './tunnel/handlers';
import { ensureInstallId, stableSubdomain } from './tunnel/subdomain';
import { createTunnelService, type TunnelService } from './tunnel/tunnel-service';
import { webhookHandlers } from './webhook/handlers';
import { createWebhookService, type WebhookService } from './webhook/webhook-service';

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
  /** 0 ≤ r < 1; defaults to Math.random. */
  random?: () => number;
  /**
   * The Graph calls that register the webhook URL at Meta, bound to the current credentials (null
   * while they are missing). Until the WhatsApp client provides it, registration reports
   * `not_configured`.
   */
  metaCallbackApi?: () => MetaCallbackApi | null;
}

export interface Core {
  /** The one function every transport calls. Never throws; answers with an envelope. */
  dispatch: Dispatch;
  /** Pushed events, for transports to forward. Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Meta's webhook server on 127.0.0.1; the host starts it (`await core.webhook.start()`). */
  webhook: WebhookService;
  /** The tunnel to the webhook; the host starts it after the webhook (`core.tunnel.start()`). */
  tunnel: TunnelService;
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

  const random = deps.random ?? Math.random;
  const webhook = createWebhookService(ctx);
  const tunnel = createTunnelService({
    clock: ctx.clock,
    random,
    logger,
    events,
    settings: () => ctx.settings.tunnel.get(),
    localPort: () => webhook.port(),
    subdomain: stableSubdomain(ensureInstallId(createAppStateRepository(db), ctx.clock.now())),
  });
  const registrar = createCallbackRegistrar({
    api: deps.metaCallbackApi ?? (() => null),
    verifyToken: () => ctx.secrets.get('verifyToken'),
    clock: ctx.clock,
    random,
    logger,
    onChange: (state) => tunnel.setRegistration(state),
  });
  tunnel.onPublicUrlChanged((_publicUrl, webhookUrl) => void registrar.register(webhookUrl));

  const handlers: Handlers = {
    ...appInfoHandlers(ctx),
    ...credentialsHandlers(ctx),
    ...settingsHandlers(ctx),
    ...webhookHandlers(ctx, webhook),
    ...tunnelHandlers(ctx, tunnel),
  };

  logger.info('core started', { host: deps.host.kind, version: deps.host.version });
  return {
    dispatch: createDispatch(handlers, logger),
    subscribe: events.subscribe,
    webhook,
    tunnel,
    async close() {
      tunnel.stop();
      registrar.stop();
      await webhook.stop();
      db.$client.close();
    },
  };
}
