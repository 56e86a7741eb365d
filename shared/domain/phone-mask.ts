/**
 * Hides the middle of a phone number for screens anyone may glance at, keeping what lets the
 * owner recognise it: `+55 11 94000-1242` → `+55 11 9••••-••42`. Country code, area code, the
 * first subscriber digit and the last two stay; separators keep their places.
 */
export function maskPhone(display: string): string {
  const digitPositions: number[] = [];
  for (let i = 0; i < display.length; i++) if (/\d/.test(display[i]!)) digitPositions.push(i);
  if (digitPositions.length < 8) return display;
  // The first two groups (country and area code) are kept whole when the number is spaced.
  const groups = display.trim().split(/\s+/);
  const prefixDigits = groups.length >= 3 ? (groups[0]! + groups[1]!).replace(/\D/g, '').length : 4;
  const keepUntil = prefixDigits + 1;
  const keepFrom = digitPositions.length - 2;
  const chars = [...display];
  digitPositions.forEach((position, index) => {
    if (index >= keepUntil && index < keepFrom) chars[position] = '•';
  });
  return chars.join('');
}
