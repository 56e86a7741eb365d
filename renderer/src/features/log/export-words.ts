import type { TFunction } from 'i18next';
import { LOG_CSV_COLUMNS, type LogCsvWords } from '../../../../shared/contract/methods/log';
import { DISPATCH_REASONS } from '../../../../shared/domain/dispatch-reasons';
import { NOTIFICATION_STATUSES } from '../../../../shared/domain/notification-status';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { PHONE_REASONS } from '../../../../shared/domain/phone';

const wordsFor = <K extends string>(keys: readonly K[], text: (key: K) => string) => Object.fromEntries(keys.map((key) => [key, text(key)])) as Record<K, string>;

/** The words the log export writes instead of codes, in the current language (the core has no i18next). */
export function exportWords(t: TFunction): LogCsvWords {
  return {
    headers: LOG_CSV_COLUMNS.map((column) => t(`log.csv.${column}`)),
    types: wordsFor(ORDER_EVENTS, (event) => t(`log.type.${event}`)),
    statuses: wordsFor(NOTIFICATION_STATUSES, (status) => t(`log.status.${status}`)),
    reasons: wordsFor(DISPATCH_REASONS, (reason) => t(`dispatch.reason.${reason}`)),
    // The core fills the placeholders: keep them as they are.
    blacklistedDetail: t('dispatch.reasonDetail.blacklisted', { text: '{{text}}', interpolation: { escapeValue: false } }),
    supersededDetail: t('dispatch.reasonDetail.superseded', { event: '{{event}}', interpolation: { escapeValue: false } }),
    optedOut: t('blacklist.auto.optedOut'),
    phoneProblems: wordsFor(PHONE_REASONS, (reason) => t(`validation.phone.${reason}`)),
  };
}
