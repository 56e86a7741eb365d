import type { MetaErrorReasonKey } from '../../../shared/domain/meta-error-reasons';
/**
 * The ONE place that decides what a Meta error means for sending. Decisions go by `error.code`
 * only, never by HTTP status or message text (Meta: "do not parse titles"; statuses are no longer
 * documented). Source for each entry: Meta's error-code table,
 * D:support/error-codes (D: = developers.facebook.com/documentation/business-messaging/whatsapp/…)
 * unless the comment names another page.
 */

export type MetaErrorClass =
  /** Never send to this recipient again automatically: blacklist. */
  | 'permanent_recipient'
  /** Transient or rate limit: resend the same request later, with backoff. */
  | 'retry'
  /** This recipient cannot get it now; try this recipient again later (or differently). */
  | 'temporary_recipient'
  /** Token, permission, request, template or registration problem: pause and tell the user. */
  | 'config'
  /** The WABA or number is blocked/restricted: pause all sending. */
  | 'account_blocked';

/** A stable key the renderer translates (pt-BR first) and the log keeps. */
/** The list lives in shared/ so the UI and the desktop notifications can name every reason. */
export type MetaErrorReason = MetaErrorReasonKey;

export interface ClassifiedCode {
  class: MetaErrorClass;
  reason: MetaErrorReason;
  /** Minimum wait before trying this recipient again (131049: at least 24 h). */
  waitMs?: number;
}

const HOUR = 3_600_000;
const c = (cls: MetaErrorClass, reason: MetaErrorReason, waitMs?: number): ClassifiedCode =>
  waitMs === undefined ? { class: cls, reason } : { class: cls, reason, waitMs };

export const META_ERROR_TABLE: Readonly<Record<number, ClassifiedCode>> = {
  0: c('config', 'auth'), // AuthException, token expired/invalidated — D:support/error-codes
  1: c('retry', 'server'), // API unknown / possible server error — D:support/error-codes
  2: c('retry', 'server'), // API service downtime/overload — D:support/error-codes
  3: c('config', 'permission'), // API method capability/permission — D:support/error-codes
  4: c('retry', 'rate_limit'), // App-level Graph call-rate limit — D:support/error-codes
  10: c('config', 'permission'), // Permission not granted — D:support/error-codes
  33: c('config', 'invalid_request'), // Business phone number deleted — D:support/error-codes
  100: c('config', 'invalid_request'), // Invalid parameter (also override before subscribe, chatwoot/chatwoot PR #13279)
  190: c('config', 'auth'), // Access token expired/invalid (463 = expired) — D:support/error-codes, D:access-tokens
  368: c('account_blocked', 'policy'), // Temporarily blocked for policy violations — D:support/error-codes
  2200: c('config', 'invalid_request'), // Callback verification failed on override — D:webhooks/override
  80007: c('retry', 'rate_limit'), // WABA management rate limit — D:support/error-codes, D:about-the-platform
  130403: c('permanent_recipient', 'recipient_blocked'), // Business has blocked the user — D:support/error-codes (2025/26)
  130429: c('retry', 'rate_limit'), // Cloud API throughput (80 mps) reached — D:throughput
  130472: c('temporary_recipient', 'experiment'), // User in a marketing experiment — D:webhooks/reference/messages/status
  130497: c('permanent_recipient', 'policy'), // WABA may not message users in that country — D:support/error-codes
  131000: c('retry', 'server'), // Unknown error — D:support/error-codes
  131005: c('config', 'permission'), // Access denied — D:support/error-codes
  131008: c('config', 'invalid_request'), // Required parameter missing — D:support/error-codes
  131009: c('config', 'invalid_request'), // Parameter value invalid — D:support/error-codes
  131016: c('retry', 'server'), // Service temporarily unavailable — D:support/error-codes
  131021: c('permanent_recipient', 'invalid_request'), // Sender and recipient are the same number — D:support/error-codes
  131026: c('permanent_recipient', 'not_on_whatsapp'), // Undeliverable: not on WhatsApp / old app / no ToS — D:support/error-codes
  131030: c('config', 'test_number'), // Recipient not in the test number's allowed list — D:support/error-codes, Neurotech-HQ/heyoo#94
  131031: c('account_blocked', 'account_locked'), // Business account locked — D:support/error-codes
  131037: c('config', 'registration'), // Number has no approved display name — D:support/error-codes
  131042: c('account_blocked', 'payment'), // Payment method problem — D:support/error-codes
  131045: c('config', 'registration'), // Phone-number registration (cert) error — D:support/error-codes
  131047: c('temporary_recipient', 'outside_window'), // >24 h since the user's last message: send a template — D:messages/send-messages
  131048: c('account_blocked', 'quality'), // Spam rate limit; number restricted; do not retry tight — D:support/error-codes
  131049: c('temporary_recipient', 'marketing_cap', 24 * HOUR), // Per-user marketing cap: wait ≥ 24 h — D:templates/marketing-templates/per-user-limits
  131050: c('permanent_recipient', 'marketing_opt_out'), // User stopped marketing messages — D:support/error-codes
  131051: c('config', 'invalid_request'), // Unsupported message type — D:support/error-codes
  131053: c('config', 'invalid_request'), // Media upload failed (MIME/size/URL) — D:support/error-codes
  131056: c('retry', 'rate_limit'), // (Business, consumer) pair rate limit, retry after 4^n s — D:about-the-platform
  131057: c('retry', 'server'), // Account in maintenance mode (throughput upgrade) — D:throughput
  // A BSUID recipient (`recipient`) this message type refuses (2026): this notification fails, the number is not blacklisted — Meta "Business-scoped user IDs", doc §8.
  131062: c('permanent_recipient', 'recipient_id_refused'),
  131063: c('config', 'template'), // Marketing templates disabled on Cloud API — D:support/error-codes
  131064: c('account_blocked', 'policy'), // Messaging limited for template classification violations — D:support/error-codes
  132000: c('config', 'template'), // Template parameter count mismatch — D:support/error-codes
  132001: c('config', 'template'), // Template does not exist in that language / not approved — D:support/error-codes
  132005: c('config', 'template'), // Hydrated template text too long — D:support/error-codes
  132007: c('config', 'template'), // Template content violates policy — D:support/error-codes
  132012: c('config', 'template'), // Parameter format / header media mismatch — D:support/error-codes
  132015: c('config', 'template'), // Template paused for low quality — D:support/error-codes
  132016: c('config', 'template'), // Template disabled permanently — D:support/error-codes
  132068: c('config', 'template'), // Flow blocked — D:support/error-codes
  132069: c('retry', 'rate_limit'), // Flow throttled — D:support/error-codes
  133000: c('config', 'registration'), // Previous deregistration failed — D:support/error-codes
  133004: c('retry', 'server'), // Server temporarily unavailable — D:support/error-codes
  133005: c('config', 'registration'), // Two-step PIN incorrect — D:business-phone-numbers/registration
  133006: c('config', 'registration'), // Number must be verified first — D:support/error-codes
  133008: c('config', 'registration'), // Too many PIN guesses — D:support/error-codes
  133009: c('config', 'registration'), // PIN entered too fast — D:support/error-codes
  133010: c('config', 'registration'), // Number not registered: call /register — D:support/error-codes
  133015: c('retry', 'server'), // Recently deleted number, deletion in progress: wait ~5 min — D:support/error-codes
  133016: c('config', 'registration'), // 10 register/deregister calls in 72 h: blocked 72 h — D:business-phone-numbers/registration
  134011: c('config', 'invalid_request'), // WhatsApp Payments ToS pending — D:support/error-codes
  135000: c('config', 'invalid_request'), // Unknown error with request parameters — D:support/error-codes
};

/**
 * Classifies one Meta error code. 200–299 are permission codes (D:access-tokens). An unknown
 * code marked `is_transient` by Graph is retried; any other unknown code pauses sending and tells
 * the user, the safe default for an account that pays per message.
 */
export function classifyMetaCode(code: number, isTransient?: boolean): ClassifiedCode {
  const known = META_ERROR_TABLE[code];
  if (known) return known;
  if (code >= 200 && code <= 299) return c('config', 'permission');
  if (isTransient) return c('retry', 'server');
  return c('config', 'unknown');
}

/**
 * Backoff for the retry class: 4^attempt seconds (Meta's advice for the pair limit,
 * D:about-the-platform), capped at one hour. `attempt` starts at 0.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(4 ** Math.max(0, attempt) * 1000, HOUR);
}
