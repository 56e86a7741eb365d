/**
 * The one money formatter, for the renderer (order totals, refunds, limits in error messages) and
 * the core (template parameters): amounts cross the contract and the database in minor units, and
 * each currency has its own number of them (2 for BRL and USD, 0 for JPY), which `Intl` knows.
 */

export interface MoneyFormatOptions {
  /** `false` writes the amount alone (`1.234,56`), for a template whose text carries its own symbol. Default true. */
  symbol?: boolean;
  /**
   * Intl's no-break spaces become plain ones: what a customer reads in a message, or an owner types
   * in a field, has no invisible characters. Default false: on screen the no-break space keeps
   * `R$` and the amount on one line.
   */
  plainSpaces?: boolean;
}

/**
 * `R$ 1.234,56` (pt-BR), `$218.90` (English) from `minor` units of `currency` (ISO 4217), written
 * in `locale`. Throws Intl's RangeError for a currency code it does not know (callers rendering an
 * order's own data check it first).
 */
export function formatMoney(minor: number, currency: string, locale: string, options: MoneyFormatOptions = {}): string {
  const currencyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = currencyFormat.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = minor / 10 ** digits;
  const text =
    options.symbol === false
      ? new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount)
      : currencyFormat.format(amount);
  return options.plainSpaces ? text.replace(/[\u00a0\u202f]/g, ' ') : text;
}

/**
 * How many minor-unit digits `currency` has, as Intl knows it: 2 for BRL and USD, 0 for PYG, JPY
 * and CLP, 3 for KWD. 2 for a code Intl does not know (the order schema refuses those anyway).
 */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Whole minor units of `currency` from a decimal amount's digits (`'1234'`, `'56'` → 123456 in BRL,
 * `'50000'`, `''` → 50000 in PYG), exactly: digits, never a float times 100. Decimals past the
 * currency's own are rounded half up (a source that writes `"50000.00"` for guaraníes).
 */
export function decimalToMinor(whole: string, fraction: string, currency: string): number {
  const digits = currencyDigits(currency);
  const padded = fraction.padEnd(digits + 1, '0');
  const kept = Number(padded.slice(0, digits) || '0');
  const roundUp = Number(padded[digits]) >= 5 ? 1 : 0;
  return Number(whole || '0') * 10 ** digits + kept + roundUp;
}
