/**
 * Every Unicode decimal digit (`\p{Nd}`: full-width "１２３", Arabic-Indic "١٢٣", Devanagari…) as
 * its ASCII digit; everything else unchanged. Phones typed on a phone keyboard in another script,
 * or pasted from a full-width form, must reach WhatsApp (and the blacklist) as the same number.
 *
 * Unicode puts each script's digits in runs of ten consecutive code points from zero (the
 * mathematical digits are five such runs back to back), so a digit's value is its distance from
 * the start of its run, modulo ten.
 */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    if (code <= 0x39) return digit;
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  });
}
