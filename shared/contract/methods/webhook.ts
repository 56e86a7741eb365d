import { z } from 'zod';
import { method } from '../define';
import { webhookSettingsSchema, type WebhookSettings } from '../../settings/webhook';

/** What the webhook server has done since it started (counters reset on restart). */
export const webhookCountersSchema = z.object({
  /** POSTs that reached the route. */
  received: z.number(),
  /** Answered 200 (committed). */
  accepted: z.number(),
  /** 401: signature missing or wrong (or no app secret stored). */
  rejectedSignature: z.number(),
  /** 400/413/415: malformed JSON, too large, not JSON. */
  rejectedInput: z.number(),
  /** 500: the write failed; Meta retries. */
  failed: z.number(),
  statusesApplied: z.number(),
  statusesDuplicate: z.number(),
  statusesStale: z.number(),
  statusesOrphan: z.number(),
  inboundMessages: z.number(),
  optOuts: z.number(),
  blacklisted: z.number(),
  templateUpdates: z.number(),
  accountErrors: z.number(),
  /** Changes, fields or message types Recado does not use: accepted and ignored. */
  ignored: z.number(),
});
export type WebhookCounters = z.infer<typeof webhookCountersSchema>;

/** Pushed as `webhook.activity` after callbacks (throttled) and on Meta's verification. */
export const webhookActivitySchema = z.object({
  counters: webhookCountersSchema,
  /** Last POST with a valid signature (ms). */
  lastCallbackAt: z.number().nullable(),
  /** Last successful verification GET from Meta (ms): the wireframe's "Last verified by Meta". */
  lastVerifiedAt: z.number().nullable(),
});
export type WebhookActivity = z.infer<typeof webhookActivitySchema>;

export interface AccountErrorView {
  id: number;
  code: number | null;
  title: string | null;
  message: string | null;
  details: string | null;
  receivedAt: number;
}

export interface WebhookStatus extends WebhookActivity {
  running: boolean;
  /** Port on 127.0.0.1, null when stopped. */
  port: number | null;
  /**
   * The saved port was taken at start, so the server runs on `actual` for now; whatever points at
   * `wanted` (an ERP, WooCommerce) cannot reach it until the owner keeps the new port or frees the old.
   */
  portConflict: { wanted: number; actual: number } | null;
  /** Always `/webhook/whatsapp`. */
  path: string;
  appSecretSet: boolean;
  verifyTokenSet: boolean;
  /** Newest first, at most 20: `value.errors` Meta reported for the account (status screen). */
  accountErrors: AccountErrorView[];
}

export const webhookMethods = {
  'webhook.status': method(z.object({}).strict()).returns<WebhookStatus>(),
  'webhook.getSettings': method(z.object({}).strict()).returns<WebhookSettings>(),
  /**
   * Opt-out words and payloads apply to the next callback; a port change applies on restart. The
   * port is chosen (free) and saved on the first start, then reused; 0 picks a new one at the next start.
   */
  'webhook.saveSettings': method(webhookSettingsSchema.strict()).returns<WebhookSettings>(),
  /** After a port conflict: save the port the server runs on now as the webhook's port. */
  'webhook.keepCurrentPort': method(z.object({}).strict()).returns<{ port: number | null }>(),
  /**
   * The verify token in full, on an explicit click: the owner pastes it into Meta's App Dashboard.
   * No other answer ever carries it. Null until the webhook server first started.
   */
  'webhook.revealVerifyToken': method(z.object({}).strict()).returns<{ verifyToken: string | null }>(),
  /**
   * A new verify token (answered once, like reveal). Meta keeps using an already verified callback;
   * the new token is needed the next time the URL is verified (Sandbox: re-pointed at once).
   */
  'webhook.regenerateVerifyToken': method(z.object({}).strict()).returns<{ verifyToken: string }>(),
};
