import type { TFunction } from 'i18next';
import type { LogRow } from '../../../../shared/contract/methods/log';
import { explainsReason, isDispatchReason } from '../../../../shared/domain/dispatch-reasons';
import type { NotificationStatus } from '../../../../shared/domain/notification-status';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { blacklistReasonText } from '../blacklist/blacklist-reason';
import { textIn } from '../../i18n/keys';

/**
 * Why this row was skipped, failed or is unconfirmed, or why a queued one is held, as a sentence;
 * null when there is nothing to say.
 */
export function reasonText(row: Pick<LogRow, 'status' | 'reason'>, t: TFunction): string | null {
  if (!explainsReason(row) || !isDispatchReason(row.reason)) return null;
  return t(`dispatch.reason.${row.reason}`);
}

/**
 * What the `error` column means for this row, in words. A Meta error reads as its code (Meta's own
 * English title is in the detail drawer); a skipped row keeps a detail there, not an error: the
 * blacklist entry's reason, the phone problem (`phone.reason.<key>`), the newer event.
 */
export function errorText(row: Pick<LogRow, 'status' | 'reason' | 'error' | 'errorCode'>, t: TFunction): string | null {
  if (row.status !== 'skipped' && row.errorCode !== null) return t('log.metaCode', { code: row.errorCode });
  if (row.error === null || row.error === '') return null;
  if (row.status !== 'skipped') return row.error;
  if (row.error.startsWith('phone.reason.')) return textIn(t, 'validation.phone', row.error.slice('phone.reason.'.length)) || null;
  if (row.reason === 'blacklisted') return t('dispatch.reasonDetail.blacklisted', { text: blacklistReasonText(row.error, t) });
  if (row.reason === 'superseded' && (ORDER_EVENTS as readonly string[]).includes(row.error)) {
    return t('dispatch.reasonDetail.superseded', { event: t(`log.type.${row.error as OrderEvent}`) });
  }
  return null;
}

/** `dispatch.resend` takes only these (an unconfirmed one only after the owner confirms). */
export const RESENDABLE: readonly NotificationStatus[] = ['failed', 'unconfirmed'];
