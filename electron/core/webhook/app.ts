import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import type { Logger } from '../platform/logger';
import type { CallbackEffects } from './process-callback';
import { safeEqual, verifySignature } from './signature';
import type { WebhookStats } from './webhook-stats';

/** Meta sends up to 3 MB per POST (whatsapp-cloud-api.md §3.4). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface WebhookAppDeps {
  /** Read on every request, so a secret saved in the app applies at once. */
  appSecret(): string | null;
  verifyToken(): string | null;
  /** Applies a verified body; resolves only after the write is committed. */
  commit(body: unknown): Promise<CallbackEffects>;
  /** Meta's GET verification succeeded (the caller records the time). */
  onVerified(): void;
  stats: WebhookStats;
  logger: Logger;
}

/**
 * The webhook's HTTP surface: `GET` and `POST /webhook/whatsapp`, 404 for everything else.
 * Testable without a port through `app.request()`.
 */
export function createWebhookApp(deps: WebhookAppDeps): Hono {
  const app = new Hono();

  app.get(WEBHOOK_PATH, (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge') ?? '';
    const expected = deps.verifyToken();
    if (mode !== 'subscribe' || !token || !expected || !safeEqual(token, expected)) {
      deps.logger.warn('webhook verification refused', { mode, tokenMatches: false });
      return c.text('Forbidden', 403);
    }
    deps.onVerified();
    deps.logger.info('webhook verified by Meta');
    return c.text(challenge, 200);
  });

  app.post(
    WEBHOOK_PATH,
    async (c, next) => {
      deps.stats.count('received');
      await next();
    },
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        deps.stats.count('rejectedInput');
        return c.text('Payload too large', 413);
      },
    }),
    async (c) => {
      if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
        deps.stats.count('rejectedInput');
        return c.text('Unsupported media type: send application/json', 415);
      }
      // Raw bytes, never a re-serialised object: the signature is over what Meta sent.
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const secret = deps.appSecret();
      if (!secret || !verifySignature(raw, c.req.header('x-hub-signature-256'), secret)) {
        deps.stats.count('rejectedSignature');
        deps.logger.warn('webhook signature refused', { secretSet: Boolean(secret), bytes: raw.length });
        return c.text('Invalid signature', 401);
      }
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
      } catch {
        deps.stats.count('rejectedInput');
        return c.text('Malformed JSON', 400);
      }
      try {
        await deps.commit(body);
      } catch (error) {
        // Not committed: a non-200 makes Meta send it again later.
        deps.stats.count('failed');
        deps.logger.error('webhook write failed; Meta will retry', { error });
        return c.text('Temporarily unavailable', 500);
      }
      return c.text('OK', 200);
    },
  );

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    deps.logger.error('webhook request failed', { error });
    return c.text('Internal error', 500);
  });
  return app;
}
