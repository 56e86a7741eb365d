import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import type { WebhookStatus } from '../../../shared/contract/methods/webhook';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import type { CoreContext } from '../core-context';
import { createAppStateRepository } from '../db/app-state-repository';
import { createAccountErrorsRepository } from './account-errors-repository';
import { createProbes } from './probes';
import { startWebhookServer, type WebhookServer } from './server';
import { listenOnStablePort, type PortConflict } from './stable-port';
import { createWebhookStats, LAST_CALLBACK_KEY, LAST_VERIFIED_KEY } from './webhook-stats';

/**
 * The webhook server as the core owns it: started by the host (`core.webhook.start()`), read by
 * the contract (`webhook.status`), stopped with the core. Counters live here so they survive a
 * restart of the server (e.g. after a port change).
 */
export function createWebhookService(ctx: CoreContext, hooks: { onQueued?: () => void; onTemplateCategory?: () => void } = {}) {
  const appState = createAppStateRepository(ctx.db, ctx.logger);
  const accountErrors = createAccountErrorsRepository(ctx.db);
  const stats = createWebhookStats({
    clock: ctx.clock,
    events: ctx.events,
    initial: {
      lastCallbackAt: appState.get(LAST_CALLBACK_KEY, z.number()) ?? null,
      lastVerifiedAt: appState.get(LAST_VERIFIED_KEY, z.number()) ?? null,
    },
  });
  let server: WebhookServer | null = null;
  let portConflict: PortConflict | null = null;
  const probes = createProbes(ctx.clock);
  const listen = (port: number) => startWebhookServer({ ctx, stats, probes, ...hooks, port });

  return {
    /**
     * Starts (or returns the running) server on the saved port (chosen and saved on the first
     * start; see stable-port.ts); `port` overrides it for this run and saves nothing. Creates the
     * verify token if missing.
     */
    async start(port?: number): Promise<WebhookServer> {
      // Meta needs a verify token to check the callback URL; make one the first time.
      if (ctx.secrets.get('verifyToken') === null) ctx.secrets.set('verifyToken', randomBytes(24).toString('base64url'));
      if (server) return server;
      if (port !== undefined) {
        server = await listen(port);
        return server;
      }
      const started = await listenOnStablePort({
        listen,
        savedPort: () => ctx.settings.webhook.get().port,
        savePort: (chosen) => ctx.settings.webhook.set({ ...ctx.settings.webhook.get(), port: chosen }),
        logger: ctx.logger,
      });
      server = started.server;
      portConflict = started.conflict;
      return server;
    },
    /** The owner accepts the port taken for this run as the new saved port (after a conflict). */
    keepCurrentPort(): { port: number | null } {
      if (server) ctx.settings.webhook.set({ ...ctx.settings.webhook.get(), port: server.port });
      portConflict = null;
      return { port: server?.port ?? null };
    },
    async stop(): Promise<void> {
      const running = server;
      server = null;
      stats.stop();
      await running?.close();
    },
    /** The doctor's reachability self-test nonces. */
    probes,
    /** The running server's port, or null. */
    port(): number | null {
      return server?.port ?? null;
    },
    status(): WebhookStatus {
      const errors = accountErrors.latest(20);
      return {
        ...stats.snapshot(),
        running: server !== null,
        port: server?.port ?? null,
        portConflict,
        path: WEBHOOK_PATH,
        appSecretSet: ctx.secrets.get('appSecret') !== null,
        verifyTokenSet: ctx.secrets.get('verifyToken') !== null,
        accountErrors: errors.map(({ id, code, title, message, details, receivedAt }) => ({
          id,
          code,
          title,
          message,
          details,
          receivedAt,
        })),
      };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
