import { z } from 'zod';
import { normalizeWaId } from '../blacklist/phone-variants';
import { bsuidField, usernameField, type SenderIdentity } from './identity-fields';
import { templateCategoryValueSchema, type TemplateCategoryValue } from './template-category';

/**
 * Parsers for the parts of Meta's webhook bodies Recado uses (Meta's docs: webhooks/reference/messages).
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
  /** The BSUID of a message sent by phone (2026; omitted on `failed` statuses of such sends). */
  recipient_user_id: bsuidField,
  recipient_parent_user_id: bsuidField,
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
  /** The sender's phone: since 2026 only when Meta has it for this business (§8). */
  from: z.string().min(1).optional(),
  /** The sender's BSUID (2026). */
  from_user_id: bsuidField,
  from_parent_user_id: bsuidField,
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
  /** Only when Meta has the phone for this business (2026). */
  wa_id: z.string().min(1).optional(),
  user_id: bsuidField,
  parent_user_id: bsuidField,
  profile: z.looseObject({ name: z.string().optional(), username: usernameField }).optional(),
});
type Contact = z.infer<typeof contactSchema>;

/** `system` `user_changed_user_id`: the customer's BSUID changed (no phone in it). */
export const userIdChangeSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.literal('system'),
  from_user_id: bsuidField,
  system: z.looseObject({
    type: z.literal('user_changed_user_id'),
    body: z.string().optional(),
    user_id: bsuidField,
    parent_user_id: bsuidField,
    previous_user_id: bsuidField,
  }),
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

export type TemplateStatusValue = z.infer<typeof templateStatusValueSchema>;
export type UserPreference = z.infer<typeof userPreferenceSchema>;
export type AccountError = z.infer<typeof metaErrorSchema>;

/** One thing a webhook body tells Recado, in the order Meta listed it. */
export type WebhookItem =
  | { kind: 'status'; status: StatusUpdate; username?: string | undefined }
  | { kind: 'inbound'; message: InboundMessage; contactName: string | undefined; sender: SenderIdentity }
  /** The customer's BSUID changed from `oldUserId` (when Meta says which) to `newUserId`. */
  | { kind: 'user_id_change'; oldUserId: string | null; newUserId: string; parentUserId: string | null; at: number }
  | { kind: 'account_error'; error: AccountError; wabaId: string | null; phoneNumberId: string | null }
  | { kind: 'template_status'; value: TemplateStatusValue; wabaId: string | null }
  | { kind: 'template_category'; value: TemplateCategoryValue; wabaId: string | null }
  | { kind: 'user_preference'; preference: UserPreference }
  /** Another object or field, a malformed item: accepted, counted, not used. */
  | { kind: 'ignored' };

/**
 * Reads a (verified) webhook body into items. Each change and item is parsed on its own, so one
 * odd item becomes `ignored` without losing the rest of the batch (Meta batches up to 1000).
 * The one reader of Meta's webhook shapes: the webhook server, the fixtures test and the
 * Sandbox's tests all go through it.
 */
export function readWebhook(body: unknown): WebhookItem[] {
  const items: WebhookItem[] = [];
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success || envelope.data.object !== 'whatsapp_business_account') return [{ kind: 'ignored' }];
  for (const entry of envelope.data.entry) {
    const wabaId = entry.id ?? null;
    for (const rawChange of entry.changes ?? []) {
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) items.push({ kind: 'ignored' });
      else if (change.data.field === 'messages') readMessagesValue(change.data.value, wabaId, items);
      else if (change.data.field === 'message_template_status_update') {
        const value = templateStatusValueSchema.safeParse(change.data.value);
        items.push(value.success ? { kind: 'template_status', value: value.data, wabaId } : { kind: 'ignored' });
      } else if (change.data.field === 'template_category_update') {
        const value = templateCategoryValueSchema.safeParse(change.data.value);
        items.push(value.success ? { kind: 'template_category', value: value.data, wabaId } : { kind: 'ignored' });
      } else if (change.data.field === 'user_preferences') {
        const value = userPreferencesValueSchema.safeParse(change.data.value);
        if (!value.success) items.push({ kind: 'ignored' });
        else for (const raw of value.data.user_preferences) {
          const preference = userPreferenceSchema.safeParse(raw);
          items.push(preference.success ? { kind: 'user_preference', preference: preference.data } : { kind: 'ignored' });
        }
      } else items.push({ kind: 'ignored' });
    }
  }
  return items;
}

function readMessagesValue(value: unknown, wabaId: string | null, items: WebhookItem[]): void {
  const parsed = messagesValueSchema.safeParse(value);
  if (!parsed.success) {
    items.push({ kind: 'ignored' });
    return;
  }
  const { metadata, contacts = [], messages = [], statuses = [], errors = [] } = parsed.data;
  const parsedContacts: Contact[] = [];
  for (const raw of contacts) {
    const contact = contactSchema.safeParse(raw);
    if (contact.success) parsedContacts.push(contact.data);
  }
  for (const raw of statuses) {
    const status = statusSchema.safeParse(raw);
    if (!status.success) {
      items.push({ kind: 'ignored' });
      continue;
    }
    // delivered/read statuses carry the customer's `contacts[]` entry (username) since 2026.
    const userId = status.data.recipient_user_id;
    const username = userId ? parsedContacts.find((c) => c.user_id === userId)?.profile?.username : undefined;
    items.push({ kind: 'status', status: status.data, ...(username ? { username } : {}) });
  }
  for (const raw of messages) {
    const change = userIdChangeSchema.safeParse(raw);
    if (change.success) {
      items.push(readUserIdChange(change.data));
      continue;
    }
    const message = inboundMessageSchema.safeParse(raw);
    if (!message.success) {
      items.push({ kind: 'ignored' });
      continue;
    }
    const contact = contactOf(message.data, parsedContacts);
    items.push({ kind: 'inbound', message: message.data, contactName: contact?.profile?.name, sender: senderOf(message.data, contact) });
  }
  for (const raw of errors) {
    const error = metaErrorSchema.safeParse(raw);
    items.push(
      error.success ? { kind: 'account_error', error: error.data, wabaId, phoneNumberId: metadata?.phone_number_id ?? null } : { kind: 'ignored' },
    );
  }
}

/** The `contacts[]` entry of a message's sender: same wa_id or BSUID, else the only entry. */
function contactOf(message: InboundMessage, contacts: Contact[]): Contact | undefined {
  const byId = contacts.find(
    (c) => (message.from !== undefined && c.wa_id === message.from) || (message.from_user_id !== undefined && c.user_id === message.from_user_id),
  );
  if (byId) return byId;
  // A lone entry without a conflicting phone is the sender's (BSUID-only messages may omit `from`).
  const only = contacts.length === 1 ? contacts[0] : undefined;
  return only && (only.wa_id === undefined || message.from === undefined) ? only : undefined;
}

/** Who sent a message: the phone only when it is a phone number, the BSUID only when well-formed. */
function senderOf(message: InboundMessage, contact: Contact | undefined): SenderIdentity {
  const rawPhone = message.from ?? contact?.wa_id;
  return {
    waId: rawPhone === undefined ? null : normalizeWaId(rawPhone),
    userId: message.from_user_id ?? contact?.user_id ?? null,
    parentUserId: message.from_parent_user_id ?? contact?.parent_user_id ?? null,
    username: contact?.profile?.username ?? null,
  };
}

/** Meta's body reads "User <name> changed from <old BSUID> to <new BSUID>" when no field says it. */
const CHANGED_FROM = /changed from ([A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}) to /;

function readUserIdChange(message: z.infer<typeof userIdChangeSchema>): WebhookItem {
  const newUserId = message.system.user_id;
  if (!newUserId) return { kind: 'ignored' };
  const fromBody = message.system.body ? CHANGED_FROM.exec(message.system.body)?.[1] : undefined;
  const oldUserId = message.system.previous_user_id ?? message.from_user_id ?? fromBody ?? null;
  return { kind: 'user_id_change', oldUserId, newUserId, parentUserId: message.system.parent_user_id ?? null, at: message.timestamp };
}
