/**
 * The renderer's one formatting module: numbers, money and times in the user's language
 * (`R$ 1.234,56`, `28/05/2026 14:32`, "há 2 minutos"), always through `Intl`.
 */

/**
 * `R$ 1.234,56` from minor units (centavos), the unit every amount crosses the contract in, in
 * `currency` (ISO 4217: the order's own, BRL for the cost estimate). The same formatter the core
 * writes template parameters with (`shared/domain/money-format.ts`).
 */
export { formatMoney } from '../../../shared/domain/money-format';

/**
 * A price per message or an exchange rate, in major units with up to four decimals (Meta's rates
 * are fractions of a cent: US$ 0,0068). Amounts the shop owns (order totals) go through
 * `formatMoney`, in minor units.
 */
export function formatRate(value: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
}

/** `1.234` in pt-BR, `1,234` in English. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** `28/05/2026 14:32` in pt-BR (`05/28/2026, 2:32 PM` in English); `—` for a time that is not there. */
export function formatDateTime(ms: number | null | undefined, language: string): string {
  if (ms === null || ms === undefined) return '—';
  const text = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
  // pt-BR: `28/05/2026 14:32`, as in the wireframe (Intl puts a comma between date and time).
  return language.startsWith('pt') ? text.replace(', ', ' ') : text;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "há 2 minutos" / "em 3 minutos"; seconds below a minute read as "agora". */
export function formatRelative(ms: number, now: number, language: string): string {
  const diff = ms - now;
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(diff) < 45_000) return rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(0, 'second');
}

/**
 * A Meta language code in words: `pt_BR` → "português (Brasil)", `en_US` → "inglês (Estados
 * Unidos)". A code Intl does not know comes back as given (the caller shows it in a tooltip anyway).
 */
export function formatLanguage(code: string, language: string): string {
  if (code.trim() === '') return code;
  try {
    return new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(code.replace(/_/g, '-')) ?? code;
  } catch {
    return code;
  }
}

/** A calendar day (`2026-05-28`, as the core counts days) as day and month: `28/05` in pt-BR, `05/28` in English. */
export function formatDayMonth(isoDay: string, language: string): string {
  const ms = Date.parse(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(ms)) return isoDay;
  return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(ms);
}
