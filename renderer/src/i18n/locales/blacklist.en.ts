import type { SameShape } from './same-shape';
import type { blacklistPtBR } from './blacklist.pt-BR';

/**
 * The blacklist screen (features/blacklist); the core emits `blacklist.alreadyBlocked` and
 * `blacklist.notFound`. (English: same keys as the pt-BR file, checked by the compiler).
 */
export const blacklistEn: SameShape<typeof blacklistPtBR> = {
  auto: {
    optedOut: 'The customer asked to stop (replied with an opt-out word).',
    meta: 'Blocked by Meta (error {{code}}): {{sentence}}',
  },
  title: 'Blacklist',
  count: '{{formatted}} numbers blocked',
  count_zero: 'No numbers blocked',
  count_one: '{{formatted}} number blocked',
  count_other: '{{formatted}} numbers blocked',
  explanation: 'Numbers are automatically blacklisted when the API returns a permanent error (invalid number, user blocked, etc.) or when the customer opts out. You can also manually add numbers to prevent notifications.',
  phone: 'Number',
  reason: 'Reason',
  reasonPlaceholder: 'E.g. customer asked not to get messages',
  date: 'Date',
  add: 'Block number',
  added: '{{phone}} is now blocked.',
  search: 'Search by number or reason',
  empty: 'No blocked numbers.',
  noMatch: 'No number matches this search.',
  remove: 'Unblock',
  removeLabel: 'Unblock {{phone}}',
  removed: '{{phone}} will get notifications again.',
  confirmTitle: 'Unblock number?',
  confirmText: '{{phone}} will get order notifications again. If the customer opted out, keep it blocked.',
  alreadyBlocked: 'This number is already on the blacklist ({{reason}}).',
  notFound: 'This number is no longer on the list. Reload the page.',
  matchedBy: 'Identified by',
  phoneUnknown: 'Not known yet: blocked as soon as Meta reports the number',
  match: {
    phone: 'Phone number',
    bsuid: 'Customer’s ID at Meta (the message came without the number)',
    username: 'Username {{username}} (the message came without the number)',
    bsuidLabel: 'ID at Meta:',
  },
};
