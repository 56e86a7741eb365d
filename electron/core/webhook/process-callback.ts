import { isOptOutMessage, OPT_OUT_REASON } from '../../../shared/domain/opt-out';
import type { WebhookSettings } from '../../../shared/settings/webhook';
import type { BlacklistRepository } from '../blacklist/blacklist-repository';
import { classifyRecipientError, shouldBlacklist } from '../blacklist/permanent-errors';
import { normalizeWaId, waIdToE164 } from '../blacklist/phone-variants';
import type { AppDatabase } from '../db/open-database';
import type { NotificationStatusRepository, StatusOutcome } from '../notifications/notification-status-repository';
import type { MessageTemplateRepository } from '../templates/message-template-repository';
import type { QueueRepository } from '../notifications/queue-repository';
import { queueTemplateFallback } from '../dispatcher/template-fallback';
import type { AccountErrorsRepository } from './account-errors-repository';
import type { InboundContactsRepository } from './inbound-contacts-repository';
import type { ContactIdentitiesRepository } from './contact-identities-repository';
import { applyUserIdChange, blacklistSender, linkStatusIdentity, recordSender } from './identity-effects';
import { applyTemplateCategory } from './template-category';
import {
  readWebhook,
  type InboundMessage,
  type StatusUpdate,
  type TemplateStatusValue,
  type UserPreference,
  type WebhookItem,
} from './payload';

/** Meta: more than 24 hours since the customer's last message (a template is needed). */
const OUTSIDE_WINDOW = 131047;

export interface CallbackEffects {
  statuses: Record<StatusOutcome, number>;
  inboundMessages: number;
  optOuts: number;
  blacklisted: number;
  templateUpdates: number;
  /** Completed `template_category_update`s stored (the dispatcher may hold or release an event). */
  templateCategoryChanges: number;
  /** Texts Meta refused as outside the 24-hour window (131047), queued again as templates. */
  templateFallbacks: number;
  accountErrors: number;
  /** Changes, items and message types parsed but not used. */
  ignored: number;
}

export interface ProcessDeps {
  db: AppDatabase;
  statuses: NotificationStatusRepository;
  blacklist: BlacklistRepository;
  contacts: InboundContactsRepository;
  /** BSUIDs and the phones seen with them (2026). */
  identities: ContactIdentitiesRepository;
  templates: MessageTemplateRepository;
  queue: QueueRepository;
  accountErrors: AccountErrorsRepository;
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
    templateCategoryChanges: 0,
    templateFallbacks: 0,
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
  for (const item of readWebhook(body)) {
    switch (item.kind) {
      case 'status':
        processStatus(item.status, deps, effects);
        linkStatusIdentity(item.status, item.username, deps);
        break;
      case 'inbound':
        processInbound(item, deps, effects);
        break;
      case 'user_id_change':
        applyUserIdChange(item, deps);
        break;
      case 'account_error':
        recordAccountError(item, deps, effects);
        break;
      case 'template_status':
        processTemplateStatus(item.value, item.wabaId, deps, effects);
        break;
      case 'template_category':
        if (applyTemplateCategory(item.value, item.wabaId, deps.templates, deps.now)) effects.templateCategoryChanges++;
        else effects.ignored++;
        break;
      case 'user_preference':
        processUserPreference(item.preference, deps, effects);
        break;
      case 'ignored':
        effects.ignored++;
        break;
    }
  }
  return effects;
}

function recordAccountError(
  { error, wabaId, phoneNumberId }: Extract<WebhookItem, { kind: 'account_error' }>,
  deps: ProcessDeps,
  effects: CallbackEffects,
): void {
  deps.accountErrors.record({
    wabaId,
    phoneNumberId,
    code: error.code ?? null,
    title: error.title ?? null,
    message: error.message ?? null,
    details: error.error_data?.details ?? null,
    receivedAt: deps.now,
  });
  effects.accountErrors++;
}

function processStatus(update: StatusUpdate, deps: ProcessDeps, effects: CallbackEffects): void {
  const result = deps.statuses.applyStatus(update, deps.now);
  effects.statuses[result.outcome]++;
  if (update.status !== 'failed' || result.outcome === 'duplicate') return;
  if (result.notification && update.errors?.some((e) => e.code === OUTSIDE_WINDOW)) {
    if (queueTemplateFallback(deps.queue, result.notification, deps.now)) effects.templateFallbacks++;
  }
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

function processInbound(
  { message, contactName: profileName, sender }: Extract<WebhookItem, { kind: 'inbound' }>,
  deps: ProcessDeps,
  effects: CallbackEffects,
): void {
  // A sender with neither a phone number nor a BSUID cannot be answered, matched or blocked:
  // counted, never stored. One with only a BSUID is recorded (contact_identities).
  if (sender.waId === null && sender.userId === null) {
    effects.ignored++;
    return;
  }
  const waId = recordSender(sender, message.timestamp, deps);
  effects.inboundMessages++;
  if (waId !== null) deps.contacts.recordInbound({ waId, at: message.timestamp, wamid: message.id, profileName }, deps.now);
  if (!isOptOut(message, deps.settings)) {
    if (!['text', 'button', 'interactive'].includes(message.type)) effects.ignored++;
    return;
  }
  effects.optOuts++;
  if (blacklistSender(sender, waId, { reason: OPT_OUT_REASON, addedAt: message.timestamp }, deps.blacklist)) effects.blacklisted++;
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

function processTemplateStatus(v: TemplateStatusValue, wabaId: string | null, deps: ProcessDeps, effects: CallbackEffects): void {
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

/** Meta's marketing stop/resume: recorded (the dispatcher checks it for marketing templates), not blacklisted. */
function processUserPreference(pref: UserPreference, deps: ProcessDeps, effects: CallbackEffects): void {
  if (pref.value !== 'stop' && pref.value !== 'resume') {
    effects.ignored++;
    return;
  }
  const waId = normalizeWaId(pref.wa_id);
  if (waId === null) {
    effects.ignored++;
    return;
  }
  deps.contacts.recordMarketingPreference({ waId, value: pref.value, at: pref.timestamp ?? deps.now }, deps.now);
}
