import type { OrderStatus } from '../../../../shared/domain/order';

/** Brasília time: Brazil has had no daylight saving since 2019, so a fixed UTC−3 is exact. */
export const BRAZIL_OFFSET_MINUTES = -180;

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/**
 * Money as Brazilian spreadsheets write it — `1.234,56`, `1234,56`, `R$ 10` — and as other
 * systems export it — `1234.56`, `1,234.56` — to minor units. `1.234` is read as one thousand
 * two hundred and thirty-four (Brazilian thousands). Null when it is none of these.
 */
export function parseAmount(text: string): number | null {
  const s = text.replace(/R\$|\s|\u00a0/g, '');
  let normal: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d{1,2})?$/.test(s)) normal = s.replace(',', '.');
  // `12,345` alone is ambiguous (a Brazilian 12,345 has three decimals): only with a decimal point.
  else if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^\d+\.\d{1,2}$/.test(s)) normal = s;
  if (normal === null) return null;
  const [whole = '0', fraction = ''] = normal.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
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

export { strip as normaliseWord };
