import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { ORDER_EVENTS_PATH, WEBHOOK_PATH, WOO_WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { ENDPOINT_MAX_BYTES, orderEndpointHandler, type OrderEndpointDeps } from '../orders/endpoint/order-endpoint';
import { WOO_WEBHOOK_MAX_BYTES, wooWebhookHandler, type WooWebhookDeps } from '../orders/woocommerce/webhook';
import type { Logger } from '../platform/logger';
import type { CallbackEffects } from './process-callback';
import { safeEqual, verifySignature } from './signature';
import { PROBE_PARAM, type Probes } from './probes';
import type { WebhookStats } from './webhook-stats';

/** Meta sends up to 3 MB per POST (Meta's webhook delivery rules). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface WebhookAppDeps {
  /** Read on every request, so a secret saved in the app applies at once. */
  appSecret(): string | null;
  verifyToken(): string | null;
  /** Applies a verified body; resolves only after the write is committed. */
  commit(body: unknown): Promise<CallbackEffects>;
  /** Meta's GET verification succeeded (the caller records the time). */
  onVerified(): void;
  /** The doctor's self-test nonces (probes.ts); omitted = no self-test answers. */
  probes?: Pick<Probes, 'arrive'>;
  stats: WebhookStats;
  logger: Logger;
  /**
   * The order-source routes (`POST /webhook/woocommerce`, `POST /orders/events`); omitted = not
   * mounted (404). Their handlers read the raw body, check their own signatures and commit
   * synchronously before answering.
   */
  orders?: { woo: WooWebhookDeps; endpoint: OrderEndpointDeps };
}

/** What the Meta callback route answers: a status and a short plain-text body. */
export interface CallbackAnswer {
  status: 200 | 400 | 401 | 413 | 415 | 500;
  text: string;
}

export const TOO_LARGE = { status: 413, text: 'Payload too large' } as const satisfies CallbackAnswer;

/** Meta posts `application/json` (with or without a charset). */
export function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(header ?? '');
}

/** 415, counted as refused input. */
export function refuseContentType(deps: Pick<WebhookAppDeps, 'stats'>): CallbackAnswer {
  deps.stats.count('rejectedInput');
  return { status: 415, text: 'Unsupported media type: send application/json' };
}

/**
 * The Meta callback after the size and content-type checks, on the raw bytes: signature (401,
 * nothing written), JSON (400), commit, then 200 — or 500 when the write failed, so Meta retries.
 * Shared by the Hono route and the server's node:http fast path (server.ts), so both answer alike.
 */
export async function acceptMetaCallback(
  deps: Pick<WebhookAppDeps, 'appSecret' | 'commit' | 'stats' | 'logger'>,
  raw: Uint8Array,
  signature: string | undefined,
): Promise<CallbackAnswer> {
  // Raw bytes, never a re-serialised object: the signature is over what Meta sent.
  const secret = deps.appSecret();
  if (!secret || !verifySignature(raw, signature, secret)) {
    deps.stats.count('rejectedSignature');
    deps.logger.warn('webhook signature refused', { secretSet: Boolean(secret), bytes: raw.length });
    return { status: 401, text: 'Invalid signature' };
  }
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(raw));
  } catch {
    deps.stats.count('rejectedInput');
    return { status: 400, text: 'Malformed JSON' };
  }
  try {
    await deps.commit(body);
  } catch (error) {
    // Not committed: a non-200 makes Meta send it again later.
    deps.stats.count('failed');
    deps.logger.error('webhook write failed; Meta will retry', { error });
    return { status: 500, text: 'Temporarily unavailable' };
  }
  return { status: 200, text: 'OK' };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses a body over `maxSize` (413, also when chunked) and any content type not listed (415). */
function guard(maxSize: number, contentTypes: readonly string[], logger: Logger, route: string): [MiddlewareHandler, MiddlewareHandler] {
  return [
    async (c, next) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!contentTypes.includes(type)) {
        logger.warn('webhook route refused a content type', { route, contentType: c.req.header('content-type') ?? null });
        return c.json({ ok: false, error: 'unsupported_media_type' }, 415);
      }
      await next();
    },
    bodyLimit({ maxSize, onError: (c) => c.json({ ok: false, error: 'too_large' }, 413) }),
  ];
}

/**
 * The webhook server's HTTP surface: `GET` and `POST /webhook/whatsapp` (Meta), and with
 * `deps.orders` `POST /webhook/woocommerce` and `POST /orders/events`; 404 for everything else.
 * Testable without a port through `app.request()`.
 */
export function createWebhookApp(deps: WebhookAppDeps): Hono {
  const app = new Hono();

  app.get(WEBHOOK_PATH, (c) => {
    const probe = c.req.query(PROBE_PARAM);
    if (probe !== undefined) return deps.probes?.arrive(probe) ? c.text(probe, 200) : c.text('Forbidden', 403);
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
        return c.text(TOO_LARGE.text, TOO_LARGE.status);
      },
    }),
    async (c) => {
      const answer = isJsonContentType(c.req.header('content-type'))
        ? await acceptMetaCallback(deps, new Uint8Array(await c.req.arrayBuffer()), c.req.header('x-hub-signature-256'))
        : refuseContentType(deps);
      return c.text(answer.text, answer.status);
    },
  );

  if (deps.orders) {
    const { woo, endpoint } = deps.orders;
    // WooCommerce posts JSON; its creation ping is form-encoded (`webhook_id=N`).
    const [wooType, wooLimit] = guard(WOO_WEBHOOK_MAX_BYTES, ['application/json', 'application/x-www-form-urlencoded'], deps.logger, WOO_WEBHOOK_PATH);
    app.post(WOO_WEBHOOK_PATH, wooType, wooLimit, wooWebhookHandler(woo));
    const [endpointType, endpointLimit] = guard(ENDPOINT_MAX_BYTES, ['application/json'], deps.logger, ORDER_EVENTS_PATH);
    app.post(ORDER_EVENTS_PATH, endpointType, endpointLimit, orderEndpointHandler(endpoint));
  }

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    deps.logger.error('webhook request failed', { error });
    return c.text('Internal error', 500);
  });
  return app;
}
