/**
 * Life of one notification in the message log. `sending` is committed before the request
 * leaves, so a crash leaves `sending` rows that start-up turns into `unconfirmed` (never resent
 * automatically).
 */
export const NOTIFICATION_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'skipped',
  'unconfirmed',
] as const;

export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const BLACKLIST_SOURCES = ['auto', 'manual'] as const;
export type BlacklistSource = (typeof BLACKLIST_SOURCES)[number];

/**
 * Which of the customer's identifiers a blacklist entry was matched by: the phone, or Meta's
 * business-scoped user ID (an opt-out that arrived without the phone).
 */
export const BLACKLIST_MATCHES = ['phone', 'bsuid'] as const;
export type BlacklistMatch = (typeof BLACKLIST_MATCHES)[number];
