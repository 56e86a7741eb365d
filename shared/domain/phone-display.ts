import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { asciiDigits } from './unicode-digits';

/**
 * A phone number as people read it, for every list, detail and toast: a Brazilian number in its
 * national grouping after the country code (`+5511987654321` → `+55 11 98765-4321`,
 * `+551140001234` → `+55 11 4000-1234`), any other country's in the international format
 * (`+351 912 345 678`). Whatever cannot be read as a phone (empty, letters, too short) comes back
 * as given, trimmed, so a value is never hidden; `null`/`undefined` become an empty string.
 */
export function formatPhone(phone: string | null | undefined): string {
  const text = (phone ?? '').trim();
  if (text === '') return '';
  const digits = asciiDigits(text.normalize('NFKC')).replace(/\D/g, '');
  // Only E.164-like values are reformatted: a local "(11) 9…" typed by the owner is already readable.
  if (!/^\+?\d[\d\s().-]*$/.test(text) || digits.length < 8 || digits.length > 15) return text;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed || !parsed.isPossible()) return text;
  if (parsed.countryCallingCode === '55') {
    // libphonenumber's national form is `(11) 98765-4321`; the list shows `+55 11 98765-4321`.
    return `+55 ${parsed.formatNational().replace(/[()]/g, '').replace(/\s+/g, ' ').trim()}`;
  }
  return parsed.formatInternational();
}
