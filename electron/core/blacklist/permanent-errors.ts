/**
 * Which Meta error codes mean "this number cannot get our messages" (Meta's docs: support/error-codes,
 * errors that retrying never fixes). Shared by the webhook (failed statuses) and the dispatcher (send errors).
 *
 * - 131021 sender = recipient, 130403 the business blocked this user: blacklist at once.
 * - 131026 "message undeliverable" (not on WhatsApp, ToS not accepted, app too old) is soft:
 *   Meta advises contacting the customer another way and an app update fixes it, so the number
 *   is blacklisted on its second hit, not the first.
 * - 131050 (user stopped marketing) is not a blacklist: it only concerns marketing templates and
 *   ends with a `user_preferences` resume; the contact row records it.
 * Everything else (rate limits, 24-hour window, template problems, account problems) is not
 * about the number.
 */
const IMMEDIATE = new Set([131021, 130403]);
const SOFT = new Set([131026]);
export const SOFT_PERMANENT_HITS = 2;

export type RecipientErrorClass = 'permanent' | 'soft_permanent' | 'other';

export function classifyRecipientError(code: number): RecipientErrorClass {
  if (IMMEDIATE.has(code)) return 'permanent';
  if (SOFT.has(code)) return 'soft_permanent';
  return 'other';
}

/** Blacklist now? `hits` counts this failure too. */
export function shouldBlacklist(code: number, hits: number): boolean {
  const kind = classifyRecipientError(code);
  return kind === 'permanent' || (kind === 'soft_permanent' && hits >= SOFT_PERMANENT_HITS);
}
