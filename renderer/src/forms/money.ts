/**
 * Money as the owner types and reads it: the separators and the currency symbol come from `Intl`
 * for the owner's language (`R$ 1.234,56` in pt-BR, `R$1,234.56` in English), and amounts cross
 * into the contract as whole minor units (centavos) computed from the decimal digits, never from
 * a float multiplied by 100.
 */
import { currencyDigits, decimalToMinor, formatMoney } from '../../../shared/domain/money-format';

/** What a NumberInput needs to read and show money in one language and currency. */
export interface MoneyFormat {
  thousandSeparator: string;
  decimalSeparator: string;
  /** Currency symbol (and the space Intl puts after it) shown before the number; '' if it goes after. */
  prefix: string;
  /** Currency symbol shown after the number (a language that writes `1.234,56 €`); '' otherwise. */
  suffix: string;
}

/** Intl's no-break spaces become plain ones: what the owner types and what a test reads are the same. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * Separators and symbol placement for `language` and `currency` (ISO 4217), from `Intl`. An
 * unknown currency code falls back to showing the code itself, so a typo never throws.
 */
export function moneyFormat(language: string, currency: string): MoneyFormat {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay: 'symbol' }).formatToParts(1234567.5);
  } catch {
    parts = new Intl.NumberFormat(language, { minimumFractionDigits: 2 }).formatToParts(1234567.5);
    parts.unshift({ type: 'currency', value: `${currency} ` });
  }
  const find = (type: Intl.NumberFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const firstNumber = parts.findIndex((p) => p.type === 'integer');
  const lastNumber = parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction');
  const join = (list: Intl.NumberFormatPart[]) => plainSpaces(list.map((p) => p.value).join(''));
  return {
    thousandSeparator: plainSpaces(find('group') ?? ''),
    decimalSeparator: find('decimal') ?? '.',
    prefix: join(parts.slice(0, firstNumber)),
    suffix: join(parts.slice(lastNumber + 1)),
  };
}

/**
 * Whole minor units of `currency` for an amount with at most that currency's decimals, exactly:
 * `1234.56` → `123456` in BRL, `50000` → `50000` in PYG (no centavos). Reads the number's shortest
 * decimal text, so `0.29` is 29 (not 28.999…). Returns null for an empty field, something that is
 * not a finite number, or more decimals than the currency has.
 */
export function toMinorUnits(amount: number | string | null | undefined, currency = 'BRL'): number | null {
  if (amount === null || amount === undefined || amount === '') return null;
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return null;
  // Large amounts print in exponent form (1e+21): far beyond any order, refused as such.
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > currencyDigits(currency)) return null;
  const minor = decimalToMinor(whole, fraction, currency);
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** The amount a money field holds for `minor` units: `123456` → `1234.56` (the nearest double, which prints back exactly). */
export function fromMinorUnits(minor: number): number {
  return minor / 100;
}

/** `123456` → `1.234,56` in pt-BR, `1,234.56` in English: the amount without the symbol, as a money field shows it. */
export function formatMinorPlain(minor: number, language: string): string {
  return formatMoney(minor, 'BRL', language, { symbol: false, plainSpaces: true });
}

/**
 * Minor units from an amount typed in `language` (`1.234,56` in pt-BR, `1,234.56` in English,
 * symbol and spaces ignored). Null when it is not such an amount (a wrong separator, three
 * decimals, letters): the caller says so instead of guessing.
 */
export function parseMoney(text: string, language: string, currency = 'BRL'): number | null {
  const format = moneyFormat(language, currency);
  const strip = [format.prefix.trim(), format.suffix.trim()].filter(Boolean);
  let body = plainSpaces(text);
  for (const symbol of strip) body = body.split(symbol).join('');
  body = body.trim();
  const sep = format.thousandSeparator.trim() || format.thousandSeparator;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(-?)(\\d{1,3}(?:${escape(sep)}\\d{3})*|\\d+)(?:${escape(format.decimalSeparator)}(\\d{1,2}))?$`);
  const match = pattern.exec(body);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const minor = Number(whole.split(sep).join('')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' && minor !== 0 ? -minor : minor;
}
