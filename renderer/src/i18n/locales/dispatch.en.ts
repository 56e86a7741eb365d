import type { DispatchReason } from '../../../../shared/domain/dispatch-reasons';
import type { SameShape } from './same-shape';
import type { dispatchPtBR } from './dispatch.pt-BR';

/** Why a notification was not sent or failed, one sentence per reason the core can store. */
const reasons: Record<DispatchReason, string> = {
  superseded: 'Not sent: there was already a newer notice for this order.',
  outside_lookback: 'The event is older than the lookback window (Dispatch & anti-ban).',
  event_disabled: 'This kind of notice is turned off in Notification events.',
  order_missing: 'The order no longer exists in Recado.',
  no_phone: 'The order has no customer phone number.',
  invalid_phone: 'The order’s phone is not a valid mobile number for WhatsApp.',
  blacklisted: 'Number on the blacklist.',
  no_template: 'No template mapped and no text to send. Set it up in Message templates.',
  window_closed_no_template: 'Outside the 24-hour window and no template mapped. Map an approved template to this event in Message templates.',
  invalid_currency: 'The order’s currency is not a valid currency code (e.g. BRL, USD), so the amount cannot be written. Fix the order and use Resend.',
  render_failed: 'The message for this order could not be built. The other orders went on as usual; fix the order and use Resend.',
  retries_exhausted: 'Meta was unstable on every attempt. Use Resend once it is back to normal.',
  timeout: 'Meta did not answer in time. The message may have arrived: check with the customer before resending.',
  invalid_response: 'Meta answered in an unexpected way. The message may have arrived: check before resending.',
  internal_error: 'Recado hit an internal error while sending. The message may have arrived; details are in the log file.',
  interrupted: 'Recado was closed while sending. The message may have arrived: check before resending.',
  held_marketing: 'Held: Meta re-filed this event\'s template as Marketing. Choose another template or accept Marketing in Message templates.',
  auth: 'The access token expired or is invalid. Save a permanent token in API credentials.',
  permission: 'The token has no permission for this WhatsApp account. Fix the System User’s permissions.',
  invalid_request: 'Meta refused the message as invalid. Check the template and the credentials.',
  template: 'The template does not exist, is not approved or its parameters do not match. Check Message templates.',
  registration: 'The shop’s number is not registered with the API. Use Tools → Register phone.',
  test_number: 'Meta test number: the customer is not in the allowed numbers list.',
  rate_limit: 'Meta asked to slow down. Recado tries again by itself.',
  server: 'Meta is unstable. Recado tries again by itself.',
  not_on_whatsapp: 'This number has no WhatsApp (or the customer’s app is out of date).',
  recipient_blocked: 'The customer blocked the shop’s messages.',
  recipient_id_refused: 'Meta refused the customer’s identifier (business-scoped user ID) for this kind of message (error 131062). The number was not blocked.',
  marketing_opt_out: 'The customer stopped marketing messages.',
  marketing_cap: 'Meta capped marketing messages to this customer. Next attempt in 24 hours.',
  outside_window: 'Outside the 24-hour window: only an approved template can be sent.',
  experiment: 'Meta did not deliver because of one of its internal experiments.',
  policy: 'Blocked by Meta’s policy. See the notices in WhatsApp Manager.',
  account_locked: 'The WhatsApp Business account is locked. See WhatsApp Manager.',
  payment: 'There is a problem with the account’s payment method at Meta.',
  quality: 'The number’s quality dropped and Meta limited sending.',
  unknown: 'Meta refused for an unknown reason. See Meta’s message in the details.',
};

/**
 * Dispatch: its settings screen, the Status screen's dispatch card (`dispatch.card`), and why a
 * message was not sent (`dispatch.reason.<DispatchReason>`, `dispatch.reasonDetail`, also emitted
 * by the core). The pause texts of the desktop notifications live in shared/i18n/desktop-
 * notifications.ts. (English: same keys as the pt-BR file, checked by the compiler).
 */
export const dispatchEn: SameShape<typeof dispatchPtBR> = {
  title: 'Dispatch settings & anti-ban',
  subtitle: 'Configure message queue timing to prevent rate limiting',
  warning: 'WhatsApp enforces rate limits. Sending too many messages too quickly can result in temporary or permanent bans. The randomized delay between messages helps comply with Meta’s anti-spam policies.',
  fields: {
    pollingIntervalSeconds: {
      label: 'Polling interval (seconds)',
      help: 'How often Recado checks for new notifications',
      hint: 'Default: 300s (5 minutes). Range: 60s – 3600s',
    },
    minDelaySeconds: {
      label: 'Min delay between sends (sec)',
      help: 'Minimum random delay between messages',
    },
    maxDelaySeconds: {
      label: 'Max delay between sends (sec)',
      help: 'Maximum random delay between messages',
    },
    delayHint: 'Each message is delayed by a random value between min and max',
    maxPerBatch: {
      label: 'Max messages per batch',
      help: 'Limit per scheduled run',
    },
    lookbackDays: {
      label: 'Lookback window (days)',
      help: 'How far back to scan for unsent notifications',
    },
    enabled: {
      label: 'Enable sending',
      help: 'Master on/off switch for all notifications',
    },
  },
  active: 'Active — messages are being dispatched',
  paused: 'Paused — no messages are sent; the queue is kept',
  card: {
    title: 'Sending',
    state: {
      running: 'Sending',
      paused: 'Paused by you',
      errorPaused: 'Paused: an error in Recado',
      metaPaused: 'Paused: Meta refused the messages',
      disabled: 'Off at the master switch',
      stopped: 'Stopped',
    },
    hint: {
      running: 'Messages go out at the pace set in Dispatch & anti-ban.',
      paused: 'No message goes out until you click Resume. The queue is kept.',
      errorPaused: 'Once it is solved, click Resume to try again. The queue is kept.',
      metaPaused: 'Once it is fixed, click Resume. The queue is kept.',
      disabled: 'Turn on “Enable sending” in Dispatch & anti-ban to send again. The queue is kept.',
      stopped: 'Sending has not started yet.',
    },
    errorDetail: 'Technical detail: {{text}}',
    oldest: 'The oldest has waited {{time}}',
    metaCode: 'Meta code: {{code}}',
    pausedAt: 'Paused {{when}}',
    queue: 'Queued: {{count, number}}',
    nextDispatch: 'Next dispatch in {{time}}',
    nextDispatchSoon: 'Next dispatch in a moment',
    working: 'Checking orders and sending…',
    countdown: {
      hours: '{{h}} h {{m}} min',
      minutes: '{{m}} min {{s}} s',
      seconds: '{{s}} s',
    },
    pause: 'Pause',
    resume: 'Resume',
    sendNow: 'Send now',
    sendNowHint: 'Looks for new orders and sends the queue now, without waiting for the next run.',
    pausedDone: 'Sending paused. The queue is kept.',
    resumedDone: 'Sending resumed.',
    sendNowDone: 'Checking orders and sending the queue now.',
  },
  reason: reasons,
  /** The detail the dispatcher keeps next to some reasons (`notifications.error` of a skipped row). */
  reasonDetail: {
    blacklisted: 'Blacklisted because: {{text}}',
    superseded: 'Newer notice: {{event}}',
  },
};
