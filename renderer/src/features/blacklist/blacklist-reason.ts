import type { TFunction } from 'i18next';
import type { DispatchReason } from '../../../../shared/domain/dispatch-reasons';
import { OPT_OUT_REASON } from '../../../../shared/domain/opt-out';

/** The permanent-recipient codes that blacklist a number (electron/core/blacklist/permanent-errors.ts), in words. */
const META_CODE_REASON: Record<number, DispatchReason> = {
  131026: 'not_on_whatsapp',
  130403: 'recipient_blocked',
};

/** `131026: Message undeliverable`, as the webhook and the dispatcher write an automatic entry. */
const META_REASON = /^(\d{5,6}): (.*)$/s;

/**
 * A blacklist entry's reason for the screen. Automatic entries are stored in one fixed form (the
 * opt-out constant, or Meta's code and title) and shown in the owner's language; a reason the
 * owner typed is shown as typed.
 */
export function blacklistReasonText(reason: string, t: TFunction): string {
  if (reason === OPT_OUT_REASON) return t('blacklist.auto.optedOut');
  const meta = META_REASON.exec(reason);
  if (!meta) return reason;
  const code = Number(meta[1]);
  const known = META_CODE_REASON[code];
  return t('blacklist.auto.meta', { code, sentence: known ? t(`dispatch.reason.${known}`) : (meta[2] ?? '') });
}
