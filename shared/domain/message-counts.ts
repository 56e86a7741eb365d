import type { NotificationStatus } from './notification-status';

/**
 * The one definition of each number the owner reads about messages: the Status screen's "today"
 * card and queue, its daily chart, the Message Log's counters, the tray and `dispatch.state` all
 * count with these (electron/core/notifications/log-query.ts `counters`, the dispatcher's `pendingCount`).
 */

/**
 * "Pendentes": still has to go out — queued (including those waiting for a retry or the pair
 * limit) or being sent right now. A message Meta accepted (`sent`) is no longer pending: it waits
 * for a receipt, not for Recado.
 */
export const PENDING_STATUSES = ['queued', 'sending'] as const satisfies readonly NotificationStatus[];

export interface MessageCounts {
  /** Every row, skipped ones included. */
  total: number;
  /** `PENDING_STATUSES`. */
  pending: number;
  /** Accepted by Meta: sent, delivered or read (a delivered message was sent). */
  sent: number;
  /** Reached the phone: delivered or read (a read message was delivered). */
  delivered: number;
  read: number;
  failed: number;
  /** Maybe sent (no answer, or interrupted): never resent by itself. */
  unconfirmed: number;
  skipped: number;
}

export const EMPTY_MESSAGE_COUNTS: MessageCounts = { total: 0, pending: 0, sent: 0, delivered: 0, read: 0, failed: 0, unconfirmed: 0, skipped: 0 };

/** The numbers above from rows counted per status (missing statuses count 0). */
export function messageCounts(byStatus: Partial<Record<NotificationStatus, number>>): MessageCounts {
  const n = (...statuses: readonly NotificationStatus[]) => statuses.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
  return {
    total: Object.values(byStatus).reduce((sum, v) => sum + (v ?? 0), 0),
    pending: n(...PENDING_STATUSES),
    sent: n('sent', 'delivered', 'read'),
    delivered: n('delivered', 'read'),
    read: n('read'),
    failed: n('failed'),
    unconfirmed: n('unconfirmed'),
    skipped: n('skipped'),
  };
}
