import { decimalToMinor } from '../../../../shared/domain/money-format';
import type { OrderStatus } from '../../../../shared/domain/order';
import { isKnownCurrency, ORDER_LIMITS } from '../../../../shared/domain/order-schema';
import { asciiDigits } from '../../../../shared/domain/unicode-digits';

/** Brasília time: Brazil has had no daylight saving since 2019, so a fixed UTC−3 is exact. */
export const BRAZIL_OFFSET_MINUTES = -180;

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/**
 * Money as Brazilian spreadsheets write it — `1.234,56`, `1234,56`, `R$ 10` — and as other
 * systems export it — `1234.56`, `1,234.56` — to minor units. `1.234` is read as one thousand
 * two hundred and thirty-four (Brazilian thousands). Minor units of `currency`: `50.000` is 50000
 * guaraníes (no centavos). Null when it is none of these.
 */
export function parseAmount(text: string, currency = 'BRL'): number | null {
  const s = asciiDigits(text.normalize('NFKC')).replace(/R\$|\s/g, '');
  let normal: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d{1,2})?$/.test(s)) normal = s.replace(',', '.');
  // `12,345` alone is ambiguous (a Brazilian 12,345 has three decimals): only with a decimal point.
  else if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^\d+\.\d{1,2}$/.test(s)) normal = s;
  if (normal === null) return null;
  const [whole = '0', fraction = ''] = normal.split('.');
  // Past 15 digits a double no longer holds every integer: such a number is no order total.
  if (whole.length > 15) return null;
  return decimalToMinor(whole, fraction, currency);
}

/** Why an amount cell was refused, as a `csv.row.*` key. */
export type AmountProblem = 'badAmount' | 'amountNegative' | 'amountTooLarge';

/**
 * An amount cell read for an order: minor units, or why not. A minus sign (or accounting
 * parentheses) is refused as negative rather than as unreadable, and anything past the order
 * schema's maximum as too large, so the owner reads what is actually wrong.
 */
export function readAmount(text: string, currency = 'BRL'): { ok: true; minor: number } | { ok: false; problem: AmountProblem } {
  const s = asciiDigits(text.normalize('NFKC')).trim();
  const negative = /^(?:[-\u2212]|R\$\s*[-\u2212])/.test(s) || /^\(.*\)$/.test(s);
  const unsigned = negative ? s.replace(/[-\u2212()]/g, '') : s;
  const minor = parseAmount(unsigned, currency);
  if (minor === null) {
    const digits = unsigned.replace(/\D/g, '');
    return { ok: false, problem: /^[\d.,\sR$]+$/.test(unsigned) && digits.length > 15 ? 'amountTooLarge' : 'badAmount' };
  }
  if (negative && minor > 0) return { ok: false, problem: 'amountNegative' };
  if (minor > ORDER_LIMITS.maxAmountMinor) return { ok: false, problem: 'amountTooLarge' };
  return { ok: true, minor };
}

/** Symbols a shop may type in a currency column instead of the ISO code. */
const CURRENCY_SYMBOLS: Record<string, string> = { R$: 'BRL', US$: 'USD', U$: 'USD', '€': 'EUR', '£': 'GBP' };

/** A currency cell as an ISO 4217 code `Intl` knows (`brl`, `R$` → `BRL`), or null. */
export function readCurrency(text: string): string | null {
  const s = text.normalize('NFKC').trim().toUpperCase();
  const code = CURRENCY_SYMBOLS[s] ?? s;
  return isKnownCurrency(code) ? code : null;
}

/**
 * `dd/mm/aaaa` (also `dd-mm-aaaa`, `dd.mm.aaaa`, with `HH:MM[:SS]`) in Brasília time, or ISO
 * `aaaa-mm-dd[THH:MM[:SS]]` (with its own offset if it has one). Impossible dates (31/02) are
 * refused, never rolled over. Null when unreadable.
 */
export function parseDate(text: string, offsetMinutes = BRAZIL_OFFSET_MINUTES): number | null {
  const s = text.trim();
  let parts: number[] | null = null;
  let m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  else if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/))) {
    if (m[7]) {
      const ms = Date.parse(s.replace(' ', 'T'));
      return Number.isFinite(ms) ? ms : null;
    }
    parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  }
  if (!parts) return null;
  const [y, mo, d, h, mi, se] = parts as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(utc).getUTCDate() !== d) return null;
  return utc - offsetMinutes * 60_000;
}

/** What a status word in a CSV means: an order status, plus whether it says shipped/delivered. */
export interface CsvStatus {
  status: OrderStatus;
  shipped: boolean;
  delivered: boolean;
}

const STATUS_WORDS: [string[], CsvStatus][] = [
  [['pendente', 'aguardando pagamento', 'aguardando', 'novo', 'em aberto', 'aberto', 'pending', 'on-hold', 'placed', 'new'], { status: 'pending', shipped: false, delivered: false }],
  [['processando', 'em processamento', 'pago', 'aprovado', 'em separacao', 'em andamento', 'preparando', 'processing', 'paid'], { status: 'processing', shipped: false, delivered: false }],
  [['enviado', 'despachado', 'em transito', 'postado', 'shipped', 'sent'], { status: 'completed', shipped: true, delivered: false }],
  [['entregue', 'recebido', 'delivered'], { status: 'completed', shipped: true, delivered: true }],
  [['concluido', 'completo', 'finalizado', 'atendido', 'completed', 'complete'], { status: 'completed', shipped: false, delivered: false }],
  [['cancelado', 'cancelada', 'cancelled', 'canceled'], { status: 'cancelled', shipped: false, delivered: false }],
  [['reembolsado', 'estornado', 'devolvido', 'refunded'], { status: 'refunded', shipped: false, delivered: false }],
];

/** Status words in pt-BR or English, accents and case ignored. Null when unknown. */
export function parseStatus(text: string): CsvStatus | null {
  const word = strip(text).replace(/[_]+/g, ' ');
  for (const [words, meaning] of STATUS_WORDS) if (words.includes(word)) return meaning;
  return null;
}

export { strip as normalizeWord };
