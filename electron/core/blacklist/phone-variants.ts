import { asciiDigits } from '../../../shared/domain/unicode-digits';

/**
 * The forms one number can take between what the shop typed and what Meta reports. Brazilian
 * mobiles are the known case: Meta's `wa_id` often lacks the 9 that follows the area code
 * (`+55 11 9xxxx-xxxx` vs `55 11 xxxx-xxxx`), so a blacklist check on one form must also match
 * the other. Input and output are E.164 (`+` and digits).
 */
export function phoneVariants(e164: string): string[] {
  const variants = [e164];
  const br = /^\+55(?<area>\d{2})(?<rest>\d+)$/.exec(e164)?.groups;
  if (br?.area && br.rest) {
    const { area, rest } = br;
    if (rest.length === 9 && rest.startsWith('9')) variants.push(`+55${area}${rest.slice(1)}`);
    // Only mobile numbers (first digit 6–9 in the 8-digit form) got the extra 9.
    if (rest.length === 8 && /^[6-9]/.test(rest)) variants.push(`+55${area}9${rest}`);
  }
  return variants;
}

/**
 * Meta's wa_id as E.164 (`+` and 7–15 ASCII digits), or null when it is not a phone number. Any
 * script's digits become ASCII first ("１２３…" → "123…"), so a signed message cannot put a
 * full-width or Arabic-Indic "number" on the blacklist that no send would ever match.
 */
export function waIdToE164(waId: string): string | null {
  const digits = asciiDigits(waId.normalize('NFKC')).trim().replace(/^\+/, '');
  return /^\d{7,15}$/.test(digits) ? `+${digits}` : null;
}

/** A wa_id as Meta writes it (ASCII digits, no `+`), or null when it is not a phone number. */
export function normalizeWaId(waId: string): string | null {
  return waIdToE164(waId)?.slice(1) ?? null;
}
