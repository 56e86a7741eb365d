import { z } from 'zod';

/**
 * Parsers for the parts of Meta's webhook bodies Recado uses (whatsapp-cloud-api.md §3.2).
 * Every object is loose: unknown keys pass, and each change, status and message is parsed on its
 * own, so one odd item is ignored without losing the rest of the batch.
 */

const idLike = z.union([z.string(), z.number()]).transform(String);
/** Meta sends Unix seconds as strings ("1750030073"); some examples use numbers. */
const unixSeconds = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]).transform((v) => Number(v) * 1000);

export const metaErrorSchema = z.looseObject({
  code: z.number().int().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type MetaError = z.infer<typeof metaErrorSchema>;

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  errors: z.array(metaErrorSchema).optional(),
});
export type StatusUpdate = z.infer<typeof statusSchema>;

export const inboundMessageSchema = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  /** Tap on a template quick-reply button. */
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
    })
    .optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const contactSchema = z.looseObject({
  wa_id: z.string().min(1),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

export const userPreferenceSchema = z.looseObject({
  wa_id: z.string().min(1),
  category: z.string().optional(),
  value: z.string(),
  timestamp: unixSeconds.optional(),
});

/** `value` of a `messages` change: arrays are kept raw and parsed item by item. */
export const messagesValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: idLike.optional(), display_phone_number: z.string().optional() }).optional(),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const templateStatusValueSchema = z.looseObject({
  event: z.string().min(1),
  message_template_id: idLike,
  message_template_name: z.string(),
  message_template_language: z.string(),
  message_template_category: z.string().optional(),
  reason: z.string().nullable().optional(),
  rejection_info: z.looseObject({ reason: z.string().optional() }).optional(),
  other_info: z.looseObject({ title: z.string().optional() }).optional(),
});

export const userPreferencesValueSchema = z.looseObject({
  user_preferences: z.array(z.unknown()),
});

export const changeSchema = z.looseObject({ field: z.string(), value: z.unknown() });

export const envelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(z.looseObject({ id: idLike.optional(), changes: z.array(z.unknown()).optional() })),
});
export type WebhookEnvelope = z.infer<typeof envelopeSchema>;
