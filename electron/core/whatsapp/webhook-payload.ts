import { z } from 'zod';
import { webhookErrorSchema } from './graph-schemas';

/**
 * The WhatsApp webhook bodies Recado reads (doc §3.2; D:webhooks/reference/messages,
 * …/messages/status, …/message_template_status_update). Parse the raw body only AFTER its
 * signature has been checked over the raw bytes. Unknown extra fields are dropped; unknown
 * `changes[].field`s parse as `other` and are ignored by design.
 */

const metadataSchema = z.object({ display_phone_number: z.string(), phone_number_id: z.string() });

const contactSchema = z.object({
  profile: z.object({ name: z.string().optional() }).optional(),
  wa_id: z.string().optional(),
  /** Business-scoped user id (2026+); phone numbers may then be omitted. */
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  username: z.string().optional(),
});

const pricingSchema = z.object({
  billable: z.boolean().optional(),
  /** `PMP` since 2025-07-01, `CBP` before. */
  pricing_model: z.string(),
  /** regular | free_customer_service | free_entry_point (PMP only). */
  type: z.string().optional(),
  category: z.string(),
});

export const STATUS_VALUES = ['sent', 'delivered', 'read', 'failed', 'played', 'deleted'] as const;

export const statusSchema = z.object({
  id: z.string(),
  status: z.enum(STATUS_VALUES),
  timestamp: z.string(),
  recipient_id: z.string(),
  recipient_type: z.string().optional(),
  recipient_participant_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z
    .object({ id: z.string(), expiration_timestamp: z.string().optional(), origin: z.object({ type: z.string() }).optional() })
    .optional(),
  pricing: pricingSchema.optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type WebhookStatus = z.infer<typeof statusSchema>;

const mediaSchema = z.object({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

const interactiveSchema = z.object({
  type: z.string(),
  button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
  list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
  nfm_reply: z.object({ name: z.string().optional(), body: z.string().optional(), response_json: z.string().optional() }).optional(),
});

export const inboundMessageSchema = z.object({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  context: z
    .object({
      from: z.string().optional(),
      id: z.string().optional(),
      referred_product: z.object({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
    })
    .optional(),
  referral: z
    .object({
      source_url: z.string().optional(),
      source_id: z.string().optional(),
      source_type: z.string().optional(),
      body: z.string().optional(),
      headline: z.string().optional(),
      ctwa_clid: z.string().optional(),
    })
    .optional(),
  text: z.object({ body: z.string() }).optional(),
  /** A tap on a template quick-reply button. */
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  interactive: interactiveSchema.optional(),
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  document: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
  system: z.object({ body: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() }).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const messagesValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: metadataSchema,
  contacts: z.array(contactSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
  /** System/app/account-level errors not tied to one message (e.g. 130429). */
  errors: z.array(webhookErrorSchema).optional(),
});
export type MessagesValue = z.infer<typeof messagesValueSchema>;

export const templateStatusValueSchema = z.object({
  event: z.string(),
  /** An integer in this webhook, unlike every other id. */
  message_template_id: z.number(),
  message_template_name: z.string(),
  message_template_language: z.string(),
  /** null when the template is scheduled for deletion. */
  reason: z.string().nullable(),
  message_template_category: z.string().optional(),
  disable_info: z.object({ disable_date: z.number() }).optional(),
  other_info: z.object({ title: z.string(), description: z.string().optional() }).optional(),
  rejection_info: z.object({ reason: z.string(), recommendation: z.string().optional() }).optional(),
});
export type TemplateStatusValue = z.infer<typeof templateStatusValueSchema>;

const HANDLED_FIELDS = ['messages', 'message_template_status_update'];

const changeSchema = z.union([
  z.object({ field: z.literal('messages'), value: messagesValueSchema }),
  z.object({ field: z.literal('message_template_status_update'), value: templateStatusValueSchema }),
  // account_update, user_preferences, …: accepted so one of them never fails a batch, then ignored.
  z.object({ field: z.string().refine((f) => !HANDLED_FIELDS.includes(f)), value: z.unknown() }).transform((c) => ({ ...c, other: true as const })),
]);

export const webhookPayloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      /** The WABA id. */
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(changeSchema),
    }),
  ),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** One thing that happened, flattened out of a (possibly batched) webhook. */
export type WebhookEvent =
  | { kind: 'status'; wabaId: string; phoneNumberId: string; status: WebhookStatus }
  | { kind: 'inbound'; wabaId: string; phoneNumberId: string; message: InboundMessage; contactName?: string }
  | { kind: 'error'; wabaId: string; phoneNumberId: string; error: z.infer<typeof webhookErrorSchema> }
  | { kind: 'template_status'; wabaId: string; value: TemplateStatusValue }
  | { kind: 'ignored'; wabaId: string; field: string };

export type ParsedWebhook = { ok: true; payload: WebhookPayload; events: WebhookEvent[] } | { ok: false; issues: string[] };

/** Parses already-JSON-decoded data; never throws. */
export function parseWebhookPayload(data: unknown): ParsedWebhook {
  const parsed = webhookPayloadSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, payload: parsed.data, events: flattenWebhook(parsed.data) };
}

/** Parses the raw body (bytes or text) after the signature check; never throws. */
export function parseWebhookBody(raw: string | Uint8Array): ParsedWebhook {
  try {
    return parseWebhookPayload(JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw)));
  } catch {
    return { ok: false, issues: ['body is not JSON'] };
  }
}

/** Every status, message, error and template update, in payload order. A POST may batch many. */
export function flattenWebhook(payload: WebhookPayload): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if ('other' in change) {
        events.push({ kind: 'ignored', wabaId: entry.id, field: change.field });
      } else if (change.field === 'message_template_status_update') {
        events.push({ kind: 'template_status', wabaId: entry.id, value: change.value });
      } else {
        const value = change.value;
        const base = { wabaId: entry.id, phoneNumberId: value.metadata.phone_number_id };
        for (const status of value.statuses ?? []) events.push({ kind: 'status', ...base, status });
        for (const message of value.messages ?? []) {
          const name = value.contacts?.find((c) => c.wa_id === message.from)?.profile?.name;
          events.push({ kind: 'inbound', ...base, message, ...(name !== undefined ? { contactName: name } : {}) });
        }
        for (const error of value.errors ?? []) events.push({ kind: 'error', ...base, error });
      }
    }
  }
  return events;
}

/** What the customer typed or tapped, for opt-out words like "PARAR"; null for media etc. */
export function inboundText(message: InboundMessage): string | null {
  return (
    message.text?.body ??
    message.button?.text ??
    message.interactive?.button_reply?.title ??
    message.interactive?.list_reply?.title ??
    null
  );
}
