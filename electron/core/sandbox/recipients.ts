import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { digitsOf, type SandboxPhone, type SandboxUser, type WorldState } from './world';

export interface ResolvedRecipient {
  /** What the caller sent, echoed as `contacts[].input`. */
  input: string;
  /** WhatsApp's canonical id, which may differ from the input (Brazil's 9th digit). */
  waId: string;
  user?: SandboxUser;
  onWhatsApp: boolean;
}

/**
 * Meta's handling of `to`: `+ - ( )` and spaces are stripped; without a leading `+` and without
 * the business's country code in front, that code is prepended (doc §1.1).
 */
export function normalizeTo(to: string, business: SandboxPhone): string {
  const digits = to.replace(/[\s()+-]/g, '');
  if (to.trim().startsWith('+')) return digits;
  const cc = parsePhoneNumberFromString(`+${digitsOf(business.displayPhoneNumber)}`)?.countryCallingCode ?? '';
  return cc && !digits.startsWith(cc) ? `${cc}${digits}` : digits;
}

/**
 * Brazilian mobiles are dialled `55 DD 9XXXX-XXXX` but many accounts are registered without the
 * 9 (chatwoot/chatwoot#5840, nyaruka/courier#433): both forms reach the same wa_id.
 */
function brazilVariants(digits: string): string[] {
  if (!digits.startsWith('55')) return [];
  if (digits.length === 13 && digits[4] === '9') return [digits.slice(0, 4) + digits.slice(5)];
  if (digits.length === 12 && /[6-9]/.test(digits[4] ?? '')) return [`${digits.slice(0, 4)}9${digits.slice(4)}`];
  return [];
}

export function resolveRecipient(world: WorldState, to: string, business: SandboxPhone): ResolvedRecipient {
  const digits = normalizeTo(to, business);
  for (const candidate of [digits, ...brazilVariants(digits)]) {
    const user = world.users.find((u) => u.waId === candidate);
    if (user) return { input: to, waId: user.waId, user, onWhatsApp: !world.notOnWhatsApp.includes(user.waId) };
  }
  const onWhatsApp = world.everyoneOnWhatsApp && !world.notOnWhatsApp.includes(digits) && /^\d{8,15}$/.test(digits);
  return { input: to, waId: digits, onWhatsApp };
}
