import { META_ERROR_REASONS } from './meta-error-reasons';
import type { NotificationStatus } from './notification-status';

/**
 * Why the dispatcher did not send a notification (yet), as it writes it in `notifications.reason`
 * (electron/core/dispatcher/README.md, "States"). Stable keys: the log keeps them and the renderer
 * turns each into a sentence (`dispatch.reason.<key>` in both locales, checked by a test).
 */
export const DISPATCHER_REASONS = [
  // Skipped when the event is enqueued, or checked again just before the request (enqueue.ts, send-one.ts).
  'superseded',
  'outside_lookback',
  'event_disabled',
  'order_missing',
  'no_phone',
  'invalid_phone',
  'blacklisted',
  // The 24-hour rule found nothing it may send (content.ts).
  'no_template',
  'window_closed_no_template',
  // Failed before any request: this notification's own content cannot be written (send-one.ts).
  // The order's currency is not an ISO 4217 code Intl knows (an order stored by an older version).
  'invalid_currency',
  // Rendering this order threw although the same settings render the sample order: the order is at fault.
  'render_failed',
  // Failed after the allowed retries (error-policy.ts).
  'retries_exhausted',
  // Unconfirmed: the request may have reached Meta, so it is never resent by itself.
  'timeout',
  'invalid_response',
  'internal_error',
  'interrupted',
  // Waits: the event's template became MARKETING and the owner has not accepted it
  // (templates/marketing-holds.ts). Never stored: the log sets it on the event's queued rows
  // while the hold lasts, so releasing the hold clears it everywhere at once.
  'held_marketing',
] as const;

/**
 * Every reason a notification row can carry: the dispatcher's own, and the Meta error classifier's
 * (electron/core/whatsapp/error-classes.ts), which the dispatcher and the status webhook store as
 * they are (`not_on_whatsapp` for 131026, `rate_limit` while a retry waits…).
 */
export const DISPATCH_REASONS = [...DISPATCHER_REASONS, ...META_ERROR_REASONS] as const;
export type DispatchReason = (typeof DISPATCH_REASONS)[number];

/**
 * Why the dispatcher is paused: the owner pressed Pause (`user`), no phone-number id is saved
 * (`not_configured`), a run failed outside any one notification (`run_failed`: the database or the
 * settings, with the error's text kept as the pause message), or a Meta error that needs the owner
 * (one of the classifier's reasons).
 */
export const DISPATCH_PAUSE_REASONS = ['user', 'not_configured', 'run_failed', ...META_ERROR_REASONS] as const;
export type DispatchPauseReason = (typeof DISPATCH_PAUSE_REASONS)[number];

export function isDispatchReason(value: string | null | undefined): value is DispatchReason {
  return value !== null && value !== undefined && (DISPATCH_REASONS as readonly string[]).includes(value);
}

/** Statuses whose reason says why the message did not go (a queued row's reason mostly explains a retry's wait). */
const EXPLAINED: readonly NotificationStatus[] = ['skipped', 'failed', 'unconfirmed'];

/**
 * Whether a log row's reason is shown to the owner (on screen and in the CSV export): a skipped,
 * failed or unconfirmed row's, and a queued row held by a Marketing re-categorisation.
 */
export function explainsReason(row: { status: NotificationStatus; reason: string | null }): boolean {
  return row.reason !== null && (EXPLAINED.includes(row.status) || (row.status === 'queued' && row.reason === 'held_marketing'));
}
