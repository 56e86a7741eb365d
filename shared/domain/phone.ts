import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { asciiDigits } from './unicode-digits';

/**
 * Brazilian phone numbers as shops store them (free text, any mask, with or without the 9th
 * digit, carrier codes, `55` with or without `+`) → E.164, the form WhatsApp's Cloud API wants.
 * Follows Brazil's numbering plan (Anatel: DDD + 8 digits, mobiles with a leading 9) and
 * WhatsApp's view of the ninth digit. Pure: runs in the renderer (form hints) and
 * in the core (before every send). The result never throws; a refusal carries a stable reason
 * the UI translates (`phone.reason.<reason>`).
 */
export const PHONE_REASONS = [
  /** Nothing but spaces/punctuation. */
  'empty',
  /** Letters or symbols a phone number never has. */
  'not_a_number',
  'too_short',
  'too_long',
  /** Two first digits are not a Brazilian DDD. */
  'invalid_area_code',
  /** A valid fixed line: WhatsApp cannot reach it (in practice). */
  'landline',
  /** Right length, but no such number in the numbering plan (e.g. 11 digits without the 9). */
  'invalid',
] as const;
export type PhoneReason = (typeof PHONE_REASONS)[number];

export type PhoneResult =
  | {
      ok: true;
      /** `+5511987654321`. */
      e164: string;
      /** True when a legacy 8-digit mobile got its 9th digit inserted. */
      ninthDigitAdded: boolean;
      /** Country of the number (`BR` for all Brazilian ones). */
      country: string | null;
    }
  | { ok: false; reason: PhoneReason };

export interface PhoneOptions {
  /** Accept valid fixed lines too (WhatsApp Business on a landline exists, rarely). */
  allowLandline?: boolean;
}

/** The 67 DDDs in use (libphonenumber's BR pattern `[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579]`). */
const DDD = /^(?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])$/;
/** Characters people put in phone fields besides digits: masks, spaces, dots, slashes. */
const ALLOWED = /^[\d\s()+\-./]*$/;

const fail = (reason: PhoneReason): PhoneResult => ({ ok: false, reason });

export function normalizeBrazilianPhone(raw: string | null | undefined, options: PhoneOptions = {}): PhoneResult {
  // "0xx11 9…" is how older forms wrote "0 + carrier + DDD": the xx stands for any carrier.
  // NFKC turns full-width `＋（１１）` into ASCII; asciiDigits covers the other scripts' digits.
  const text = asciiDigits((raw ?? '').normalize('NFKC')).trim().replace(/^\(?0\s*xx\s*/i, '0');
  if (!ALLOWED.test(text)) return fail('not_a_number');
  let digits = text.replace(/\D/g, '');
  if (digits === '') return fail('empty');

  let international = text.startsWith('+');
  if (!international && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }

  let national: string;
  if (international) {
    if (!digits.startsWith('55')) return foreign(digits, options);
    national = digits.slice(2);
  } else if (digits.startsWith('0')) {
    // 0 + NSN (11/12 digits) or 0 + 2-digit long-distance carrier code + NSN (13/14 digits).
    if (digits.length === 11 || digits.length === 12) national = digits.slice(1);
    else if (digits.length === 13 || digits.length === 14) national = digits.slice(3);
    else return fail(digits.length < 11 ? 'too_short' : 'too_long');
  } else if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) {
    // 55 is also a DDD (RS): 55 + 10/11 digits is the country code, 10/11 digits is DDD 55.
    national = digits.slice(2);
  } else {
    national = digits;
  }

  if (national.length < 10) return fail('too_short');
  if (national.length > 11) return fail('too_long');
  if (!DDD.test(national.slice(0, 2))) return fail('invalid_area_code');

  let ninthDigitAdded = false;
  // An 8-digit subscriber starting 6–9 is a mobile from before the 9th digit: add the 9.
  if (national.length === 10 && /[6-9]/.test(national.charAt(2))) {
    national = `${national.slice(0, 2)}9${national.slice(2)}`;
    ninthDigitAdded = true;
  }

  const parsed = parsePhoneNumberFromString(`+55${national}`);
  if (!parsed || !parsed.isValid()) return fail('invalid');
  const type = parsed.getType();
  if (type === 'FIXED_LINE' && !options.allowLandline) return fail('landline');
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE' && type !== 'FIXED_LINE') return fail('invalid');
  return { ok: true, e164: parsed.number, ninthDigitAdded, country: 'BR' };
}

/** A number written with another country's code: accepted when libphonenumber knows it as mobile. */
function foreign(digits: string, options: PhoneOptions): PhoneResult {
  if (digits.length < 8) return fail('too_short');
  if (digits.length > 15) return fail('too_long');
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed || !parsed.isValid()) return fail('invalid');
  const type = parsed.getType();
  if (type === 'FIXED_LINE' && !options.allowLandline) return fail('landline');
  return { ok: true, e164: parsed.number, ninthDigitAdded: false, country: parsed.country ?? null };
}

/** `wa.me` links and Meta's `wa_id` use digits only. */
export function e164Digits(e164: string): string {
  return e164.replace(/\D/g, '');
}
