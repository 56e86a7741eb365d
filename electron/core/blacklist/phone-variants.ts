/**
 * The forms one number can take between what the shop typed and what Meta reports. Brazilian
 * mobiles are the known case: Meta's `wa_id` often lacks the 9 that follows the area code
 * (`+55 11 9xxxx-xxxx` vs `55 11 xxxx-xxxx`), so a blacklist check on one form must also match
 * the other. Input and output are E.164 (`+` and digits).
 */
export function phoneVariants(e164: string): string[] {
  const variants = [e164];
  const br = /^\+55(\d{2})(\d+)$/.exec(e164);
  if (br) {
    const [, area, rest] = br as unknown as [string, string, string];
    if (rest.length === 9 && rest.startsWith('9')) variants.push(`+55${area}${rest.slice(1)}`);
    // Only mobile numbers (first digit 6–9 in the 8-digit form) got the extra 9.
    if (rest.length === 8 && /^[6-9]/.test(rest)) variants.push(`+55${area}9${rest}`);
  }
  return variants;
}

/** Meta's wa_id (digits only) as E.164. */
export function waIdToE164(waId: string): string {
  return `+${waId.replace(/^\+/, '')}`;
}
