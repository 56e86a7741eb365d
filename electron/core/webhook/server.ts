import { getRequestListener } from '@hono/node-server';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import type { CoreContext } from '../core-context';
import { createAppStateRepository } from '../db/app-state-repository';
import { listenOnLoopback } from '../platform/loopback-server';
import { createQueueRepository } from '../dispatcher/queue-repository';
import { createNotificationStatusRepository } from '../log/notification-status-repository';
import { orderEndpointDeps } from '../orders/endpoint/order-endpoint';
import { wooWebhookDeps } from '../orders/woocommerce/woo-context';
import { createMessageTemplateRepository } from '../templates/message-template-repository';
import { createWebhookApp, type WebhookAppDeps } from './app';
import { isMetaCallback, serveMetaCallback } from './fast-route';
import { createCommitQueue } from './commit-queue';
import { createInboundContactsRepository } from './inbound-contacts-repository';
import { createContactIdentitiesRepository } from './contact-identities-repository';
import type { Probes } from './probes';
import { processCallback, type CallbackEffects } from './process-callback';
import { createWebhookStats, LAST_CALLBACK_KEY, LAST_VERIFIED_KEY, type WebhookStats } from './webhook-stats';

export interface WebhookServerOptions {
  ctx: Pick<CoreContext, 'db' | 'secrets' | 'settings' | 'events' | 'clock' | 'logger' | 'meta'>;
  /** Port on 127.0.0.1; defaults to the `webhook` settings' port; 0 = any free port. */
  port?: number;
  /** Counters to update (the webhook service keeps one across restarts of the server). */
  stats?: WebhookStats;
  /**
   * Which code serves `POST /webhook/whatsapp`: the node:http fast path (default) or the Hono
   * route, kept so `npm run bench` can measure one against the other on the same core.
   */
  metaRoute?: 'node' | 'hono';
  /** The doctor's self-test nonces, answered on the GET route. */
  probes?: Probes;
  /** After a commit that queued notifications (a text to resend as its template): wake the dispatcher. */
  onQueued?: () => void;
  /** After the commit of a body that changed a template's category (the dispatcher holds or releases an event). */
  onTemplateCategory?: () => void;
}

export interface WebhookServer {
  port: number;
  /** `http://127.0.0.1:<port>`: what the tunnel forwards to. */
  localUrl: string;
  stats: WebhookStats;
  /** Stops accepting, commits what is queued, closes connections. */
  close(): Promise<void>;
}

/**
 * Starts the webhook server on 127.0.0.1: Meta's endpoint and the order sources' push routes
 * (see app.ts). It is its own server, apart from the web host, so forwarding a tunnel to its port
 * exposes these routes and nothing of the contract.
 * Rejects if the port is taken.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { ctx } = options;
  const appState = createAppStateRepository(ctx.db);
  const stats =
    options.stats ??
    createWebhookStats({
      clock: ctx.clock,
      events: ctx.events,
      initial: {
        lastCallbackAt: appState.get<number>(LAST_CALLBACK_KEY) ?? null,
        lastVerifiedAt: appState.get<number>(LAST_VERIFIED_KEY) ?? null,
      },
    });
  const repos = {
    statuses: createNotificationStatusRepository(ctx.db),
    blacklist: createBlacklistRepository(ctx.db),
    contacts: createInboundContactsRepository(ctx.db),
    identities: createContactIdentitiesRepository(ctx.db),
    templates: createMessageTemplateRepository(ctx.db),
    queue: createQueueRepository(ctx.db),
  };
  // Read once per commit group, not per callback (each read is a validated copy of the section).
  let groupSettings: ReturnType<typeof ctx.settings.webhook.get> | null = null;
  const queue = createCommitQueue(ctx.db.$client, {
    onGroup: () => {
      const now = ctx.clock.now();
      appState.set(LAST_CALLBACK_KEY, now, now);
    },
  });

  const deps: WebhookAppDeps = {
    // Live: the app secret the owner saved; Sandbox: the emulator's demo app secret.
    appSecret: () => ctx.meta.appSecret(),
    verifyToken: () => ctx.secrets.get('verifyToken'),
    stats,
    logger: ctx.logger,
    // The order sources' push routes, on the same server so the tunnel reaches them too.
    orders: { woo: wooWebhookDeps(ctx), endpoint: orderEndpointDeps(ctx) },
    ...(options.probes ? { probes: options.probes } : {}),
    onVerified: () => {
      const now = ctx.clock.now();
      appState.set(LAST_VERIFIED_KEY, now, now);
      stats.verified(now);
    },
    commit: async (body) => {
      let effects: CallbackEffects;
      try {
        effects = await queue.run(() => {
          groupSettings ??= ctx.settings.webhook.get();
          return processCallback(body, { db: ctx.db, ...repos, settings: groupSettings, now: ctx.clock.now() });
        });
      } finally {
        // The group is over (committed or failed): the next one reads the settings as saved then.
        groupSettings = null;
      }
      stats.accepted(effects, ctx.clock.now());
      if (effects.templateFallbacks > 0) options.onQueued?.();
      if (effects.templateCategoryChanges > 0) options.onTemplateCategory?.();
      return effects;
    },
  };
  const app = createWebhookApp(deps);
  const honoListener = getRequestListener(app.fetch);

  const port = options.port ?? ctx.settings.webhook.get().port;
  // Meta's callbacks take the node:http fast path (the one exception to "every route is Hono",
  // README "Why Hono"); every other request goes through the Hono app.
  const fast = options.metaRoute !== 'hono';
  const { server, port: actualPort } = await listenOnLoopback(
    (req, res) => (fast && isMetaCallback(req) ? serveMetaCallback(deps, req, res) : void honoListener(req, res)),
    port,
  );
  ctx.logger.info('webhook server listening', { port: actualPort });

  return {
    port: actualPort,
    localUrl: `http://127.0.0.1:${actualPort}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          queue.close();
          resolve();
        });
        server.closeIdleConnections();
        // In-flight requests get a moment to finish their commit before the sockets go.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}
