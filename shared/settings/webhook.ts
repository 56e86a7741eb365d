import { z } from 'zod';
import { DEFAULT_OPT_OUT_KEYWORDS } from '../domain/opt-out';
import { wholeNumberIn } from './whole-number';

/** The "Webhook Configuration" screen's settings (the verify token is a secret, kept apart). */
export const webhookSettingsSchema = z.object({
  /** Port of the local webhook server on 127.0.0.1; 0 = any free port (the tunnel follows it). */
  port: wholeNumberIn({ min: 0, max: 65535 }),
  /** Replies that opt the customer out when they are the whole message (case/accents ignored). */
  optOutKeywords: z.array(z.string().trim().min(1, { error: 'validation.required' }).max(60)).max(50),
  /**
   * Template quick-reply button payloads (and interactive reply ids) that mean "stop": the
   * template author picks them (e.g. `STOP_PROMOTIONS`). Compared ignoring case.
   */
  optOutButtonPayloads: z.array(z.string().trim().min(1, { error: 'validation.required' }).max(256)).max(50),
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  port: 0,
  optOutKeywords: [...DEFAULT_OPT_OUT_KEYWORDS],
  optOutButtonPayloads: [],
};

/** The one path Meta calls. */
export const WEBHOOK_PATH = '/webhook/whatsapp';
/**
 * The webhook fields the owner subscribes in Meta's App Dashboard (WhatsApp → Configuration →
 * Webhook fields), each one processed by `electron/core/webhook/`: receipts and replies, template
 * review outcomes, and Meta re-categorising a template (the dispatcher holds that event).
 */
export const WEBHOOK_FIELDS = ['messages', 'message_template_status_update', 'template_category_update'] as const;
/** WooCommerce's own webhooks (order.created / order.updated), signed with `X-WC-Webhook-Signature`. */
export const WOO_WEBHOOK_PATH = '/webhook/woocommerce';
/** The signed order-event endpoint for ERPs and custom systems. */
export const ORDER_EVENTS_PATH = '/orders/events';
/** Everything the webhook server (and so the tunnel) serves; anything else answers 404. */
export const WEBHOOK_SERVER_PATHS = [WEBHOOK_PATH, WOO_WEBHOOK_PATH, ORDER_EVENTS_PATH] as const;
