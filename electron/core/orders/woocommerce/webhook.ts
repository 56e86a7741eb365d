import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WooSettings } from '../../../../shared/settings/woocommerce';
import type { AppDatabase } from '../../db/open-database';
import type { Logger } from '../../platform/logger';
import type { EventBus } from '../../contract/event-bus';
import { loadOrder, saveOrder } from '../order-book';
import { announceRefused, recordRefusal } from '../refused-orders';
import { sourceRoute, type SourceAnswer, type SourceRequest } from '../source-route';
import { readWooOrder } from './map-order';
import { peekWooOrder } from './woo-types';

/** WooCommerce order JSON is a few kB; anything near this is not a webhook. */
export const WOO_WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface WooWebhookDeps {
  db: AppDatabase;
  settings(): WooSettings;
  /** The secret typed in WooCommerce's webhook form; null = not configured. */
  webhookSecret(): string | null;
  now(): number;
  logger: Logger;
  /** Announces changes to the refused orders (optional in tests). */
  events?: Pick<EventBus, 'emit'>;
}

/** Base64 HMAC-SHA256 of the raw body (WC_Webhook::generate_signature), compared in constant time. */
export function verifyWooSignature(rawBody: Uint8Array, signature: string | null | undefined, secret: string): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * One WooCommerce webhook delivery (`POST /webhook/woocommerce`). The creation ping
 * (form-encoded `webhook_id=N`, no signature) gets 200 as WooCommerce demands; everything else
 * must carry a valid `X-WC-Webhook-Signature`. `order.created`/`updated`/`restored` bodies are
 * the REST order JSON and go through the same mapping and ledger as the poll, so an order seen by
 * both fires each event once. A delivery older than the stored state (WP-Cron delivers late and
 * out of order) is acknowledged and ignored. A well-signed order the schema refuses is recorded
 * (refused_orders) and still answered 200: no retry could fix it. Never throws.
 */
export function handleWooWebhook(deps: WooWebhookDeps, request: SourceRequest): SourceAnswer {
  const { headers, body } = request;
  if (body.byteLength > WOO_WEBHOOK_MAX_BYTES) return { status: 413, body: { error: 'too_large' } };
  const signature = headers.get('x-wc-webhook-signature');
  const text = Buffer.from(body).toString('utf8');
  if (!signature && /^webhook_id=\d+$/.test(text.trim())) return { status: 200, body: { ok: true, ping: true } };

  const secret = deps.webhookSecret();
  if (!secret) return { status: 503, body: { error: 'not_configured' } };
  if (!verifyWooSignature(body, signature, secret)) {
    deps.logger.warn('woocommerce webhook refused: bad signature', { topic: headers.get('x-wc-webhook-topic') });
    return { status: 401, body: { error: 'bad_signature' } };
  }
  const topic = headers.get('x-wc-webhook-topic') ?? '';
  if (!['order.created', 'order.updated', 'order.restored'].includes(topic)) return { status: 200, body: { ok: true, ignored: topic } };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 400, body: { error: 'malformed' } };
  }
  const now = deps.now();
  const peek = peekWooOrder(json);
  const previous = peek.id === null ? null : loadOrder(deps.db, 'woocommerce', peek.id);
  // WP-Cron delivers late and out of order: an older state than the book's changes nothing.
  if (previous && peek.modifiedMs !== null && peek.modifiedMs < previous.order.updatedAt) return { status: 200, body: { ok: true, stale: true } };
  const reading = readWooOrder(json, deps.settings(), () => previous?.order ?? null);
  if (reading.kind === 'ignored') return { status: 200, body: { ok: true, ignored: reading.status } };
  if (reading.kind === 'refused') {
    // 200 all the same: WooCommerce retries anything else and finally disables the webhook,
    // and no retry can fix the data. The owner sees it under "Pedidos recusados".
    recordRefusal(deps.db, reading.refusal, now);
    announceRefused(deps.db, deps.events);
    deps.logger.warn('woocommerce webhook: order refused', { topic, order: reading.refusal.externalId, issues: reading.refusal.issues });
    return { status: 200, body: { ok: true, refused: true, issues: reading.refusal.issues } };
  }
  const saved = saveOrder(deps.db, reading.order, now, reading.sourceState);
  if (saved.refusalCleared) announceRefused(deps.db, deps.events);
  deps.logger.info('woocommerce webhook', { topic, order: reading.order.externalId, events: saved.events.length });
  return { status: 200, body: { ok: true, events: saved.events.length } };
}

/** The Hono handler the webhook server mounts: `app.post('/webhook/woocommerce', wooWebhookHandler(deps))`. */
export function wooWebhookHandler(deps: WooWebhookDeps) {
  return sourceRoute(WOO_WEBHOOK_MAX_BYTES, { error: 'too_large' }, (request) => handleWooWebhook(deps, request));
}
