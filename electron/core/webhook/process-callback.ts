import { isOptOutMessage } from '../../../shared/domain/opt-out';
import type { WebhookSettings } from '../../../shared/settings/webhook';
import type { BlacklistRepository } from '../blacklist/blacklist-repository';
import { classifyRecipientError, shouldBlacklist } from '../blacklist/permanent-errors';
import { waIdToE164 } from '../blacklist/phone-variants';
import type { AppDatabase } from '../db/open-database';
import { webhookAccountErrors } from '../db/schema';
import type { NotificationStatusRepository, StatusOutcome } from '../log/notification-status-repository';
import type { MessageTemplateRepository } from '../templates/message-template-repository';
import type { InboundContactsRepository } from './inbound-contacts-repository';
import {
  changeSchema,
  contactSchema,
  envelopeSchema,
  inboundMessageSchema,
  messagesValueSchema,
  metaErrorSchema,
  statusSchema,
  templateStatusValueSchema,
  userPreferenceSchema,
  userPreferencesValueSchema,
  type InboundMessage,
  type StatusUpdate,
} from './payload';

export const OPT_OUT_REASON = 'customer opted out';

export interface CallbackEffects {
  statuses: Record<StatusOutcome, number>;
  inboundMessages: number;
  optOuts: number;
  blacklisted: number;
  templateUpdates: number;
  accountErrors: number;
  /** Changes, items and message types parsed but not used. */
  ignored: number;
}

export interface ProcessDeps {
  db: AppDatabase;
  statuses: NotificationStatusRepository;
  blacklist: BlacklistRepository;
  contacts: InboundContactsRepository;
  templates: MessageTemplateRepository;
  settings: WebhookSettings;
  now: number;
}

export function emptyEffects(): CallbackEffects {
  return {
    statuses: { applied: 0, stale: 0, duplicate: 0, orphan: 0, ignored: 0 },
    inboundMessages: 0,
    optOuts: 0,
    blacklisted: 0,
    templateUpdates: 0,
    accountErrors: 0,
    ignored: 0,
  };
}

/**
 * Applies one verified webhook body to the database. Synchronous: the caller runs it inside a
 * transaction and answers Meta only after the commit. Anything Recado does not use — another
 * `object`, unknown `field`s, malformed items, unknown message types — is counted as ignored and
 * never throws, so Meta is not pushed into a 7-day retry loop over a payload we cannot use.
 */
export function processCallback(body: unknown, deps: ProcessDeps): CallbackEffects {
  const effects = emptyEffects();
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success || envelope.data.object !== 'whatsapp_business_account') {
    effects.ignored++;
    return effects;
  }
  for (const entry of envelope.data.entry) {
    for (const rawChange of entry.changes ?? []) {
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) {
        effects.ignored++;
        continue;
      }
      const { field, value } = change.data;
      if (field === 'messages') processMessagesValue(value, entry.id ?? null, deps, effects);
      else if (field === 'message_template_status_update') processTemplateStatus(value, entry.id ?? null, deps, effects);
      else if (field === 'user_preferences') processUserPreferences(value, deps, effects);
      else effects.ignored++;
    }
  }
  return effects;
}

function processMessagesValue(value: unknown, wabaId: string | null, deps: ProcessDeps, effects: CallbackEffects): void {
  const parsed = messagesValueSchema.safeParse(value);
  if (!parsed.success) {
    effects.ignored++;
    return;
  }
  const { metadata, contacts = [], messages = [], statuses = [], errors = [] } = parsed.data;
  for (const raw of statuses) {
    const status = statusSchema.safeParse(raw);
    if (status.success) processStatus(status.data, deps, effects);
    else effects.ignored++;
  }
  const names = new Map<string, string>();
  for (const raw of contacts) {
    const contact = contactSchema.safeParse(raw);
    if (contact.success && contact.data.profile?.name) names.set(contact.data.wa_id, contact.data.profile.name);
  }
  for (const raw of messages) {
    const message = inboundMessageSchema.safeParse(raw);
    if (message.success) processInbound(message.data, names.get(message.data.from), deps, effects);
    else effects.ignored++;
  }
  for (const raw of errors) {
    const error = metaErrorSchema.safeParse(raw);
    if (!error.success) {
      effects.ignored++;
      continue;
    }
    deps.db
      .insert(webhookAccountErrors)
      .values({
        wabaId,
        phoneNumberId: metadata?.phone_number_id ?? null,
        code: error.data.code ?? null,
        title: error.data.title ?? null,
        message: error.data.message ?? null,
        details: error.data.error_data?.details ?? null,
        receivedAt: deps.now,
      })
      .run();
    effects.accountErrors++;
  }
}

function processStatus(update: StatusUpdate, deps: ProcessDeps, effects: CallbackEffects): void {
  const result = deps.statuses.applyStatus(update, deps.now);
  effects.statuses[result.outcome]++;
  if (update.status !== 'failed' || result.outcome === 'duplicate') return;
  for (const error of update.errors ?? []) {
    if (error.code === undefined || classifyRecipientError(error.code) === 'other') continue;
    const recipient = update.recipient_id ?? result.notification?.waId ?? null;
    const hits = recipient ? deps.statuses.countFailures(recipient, error.code) : 1;
    if (!shouldBlacklist(error.code, hits)) continue;
    // The number we sent to (as the shop typed it) when the status matched a notification.
    const phone = result.notification?.phone ?? (recipient ? waIdToE164(recipient) : null);
    if (!phone) continue;
    const reason = `${error.code}: ${error.title ?? error.message ?? 'permanent error'}`;
    if (deps.blacklist.add({ phone, reason, source: 'auto', addedAt: update.timestamp }).added) effects.blacklisted++;
  }
}

function processInbound(message: InboundMessage, profileName: string | undefined, deps: ProcessDeps, effects: CallbackEffects): void {
  effects.inboundMessages++;
  deps.contacts.recordInbound({ waId: message.from, at: message.timestamp, wamid: message.id, profileName }, deps.now);
  if (!isOptOut(message, deps.settings)) {
    if (!['text', 'button', 'interactive'].includes(message.type)) effects.ignored++;
    return;
  }
  effects.optOuts++;
  const added = deps.blacklist.add({
    phone: waIdToE164(message.from),
    reason: OPT_OUT_REASON,
    source: 'auto',
    addedAt: message.timestamp,
  });
  if (added.added) effects.blacklisted++;
}

function isOptOut(message: InboundMessage, settings: WebhookSettings): boolean {
  const payloads = settings.optOutButtonPayloads.map((p) => p.trim().toLowerCase());
  const isPayload = (value: string | undefined) => value !== undefined && payloads.includes(value.trim().toLowerCase());
  switch (message.type) {
    case 'text':
      return message.text !== undefined && isOptOutMessage(message.text.body, settings.optOutKeywords);
    case 'button':
      // A quick-reply button whose label is itself a keyword ("PARAR") counts as typing it.
      return isPayload(message.button?.payload) || isOptOutMessage(message.button?.text ?? '', settings.optOutKeywords);
    case 'interactive':
      return isPayload(message.interactive?.button_reply?.id) || isPayload(message.interactive?.list_reply?.id);
    default:
      return false;
  }
}

function processTemplateStatus(value: unknown, wabaId: string | null, deps: ProcessDeps, effects: CallbackEffects): void {
  const parsed = templateStatusValueSchema.safeParse(value);
  if (!parsed.success) {
    effects.ignored++;
    return;
  }
  const v = parsed.data;
  const reason =
    v.rejection_info?.reason ?? v.other_info?.title ?? (v.reason && v.reason !== 'NONE' ? v.reason : null);
  deps.templates.applyStatusUpdate(
    {
      wabaId: wabaId ?? '',
      templateId: v.message_template_id,
      name: v.message_template_name,
      language: v.message_template_language,
      category: v.message_template_category ?? null,
      status: v.event,
      reason,
    },
    deps.now,
  );
  effects.templateUpdates++;
}

function processUserPreferences(value: unknown, deps: ProcessDeps, effects: CallbackEffects): void {
  const parsed = userPreferencesValueSchema.safeParse(value);
  if (!parsed.success) {
    effects.ignored++;
    return;
  }
  for (const raw of parsed.data.user_preferences) {
    const pref = userPreferenceSchema.safeParse(raw);
    if (!pref.success || !['stop', 'resume'].includes(pref.data.value)) {
      effects.ignored++;
      continue;
    }
    deps.contacts.recordMarketingPreference(
      { waId: pref.data.wa_id, value: pref.data.value, at: pref.data.timestamp ?? deps.now },
      deps.now,
    );
  }
}
