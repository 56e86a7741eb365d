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
