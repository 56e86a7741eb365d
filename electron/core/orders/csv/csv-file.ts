import Papa from 'papaparse';
import { CSV_FIELDS, type CsvField } from '../../../../shared/domain/csv-fields';
import type { CsvPreview } from '../../../../shared/contract/methods/order-sources';
import { CSV_MAX_BYTES } from '../../../../shared/contract/methods/order-sources';
import { AppError } from '../../contract/app-error';
import { normaliseWord } from './csv-values';

export type CsvEncoding = CsvPreview['encoding'];
export type CsvDelimiter = CsvPreview['delimiter'];

export interface CsvInput {
  content: string;
  contentEncoding: 'text' | 'base64';
  delimiter: 'auto' | CsvDelimiter;
}

export interface ParsedCsv {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  columns: string[];
  /** Data rows (header excluded); `line` is the row's number in the file, header = 1. */
  rows: { line: number; cells: string[] }[];
}

const tooLarge = () => new AppError('validation', 'The file is too large', { issues: [{ path: 'content', key: 'validation.csvTooLarge', params: { maximum: CSV_MAX_BYTES } }] });

/**
 * Bytes → text: a UTF-8 BOM says UTF-8 (Excel's "CSV UTF-8"); otherwise strict UTF-8 is tried
 * and, if the bytes are not valid UTF-8, Windows-1252 (Excel's plain "CSV" on a Brazilian
 * Windows), which decodes every byte.
 */
export function decodeCsv(input: Pick<CsvInput, 'content' | 'contentEncoding'>): { text: string; encoding: CsvEncoding } {
  if (input.contentEncoding === 'text') {
    if (input.content.length > CSV_MAX_BYTES) throw tooLarge();
    return input.content.startsWith('\uFEFF') ? { text: input.content.slice(1), encoding: 'utf-8-bom' } : { text: input.content, encoding: 'utf-8' };
  }
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.byteLength > CSV_MAX_BYTES) throw tooLarge();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator used most in the header line, outside quotes (`;` wins ties: Brazilian Excel). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as CsvDelimiter]++;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a] || (a === ';' ? -1 : b === ';' ? 1 : 0))[0];
  return best && counts[best] > 0 ? best : ',';
}

export function parseCsvFile(input: CsvInput): ParsedCsv {
  const { text, encoding } = decodeCsv(input);
  const delimiter = input.delimiter === 'auto' ? detectDelimiter(text) : input.delimiter;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const all = parsed.data;
  const headerIndex = all.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new AppError('validation', 'The file is empty', { issues: [{ path: 'content', key: 'validation.csvEmpty', params: {} }] });
  const columns = (all[headerIndex] ?? []).map((c, i) => c.trim() || `#${i + 1}`);
  const rows: ParsedCsv['rows'] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const cells = all[i] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ line: i + 1, cells: cells.map((c) => c.trim()) });
  }
  return { encoding, delimiter, columns, rows };
}

const SYNONYMS: Record<CsvField, string[]> = {
  number: ['pedido', 'numero', 'n pedido', 'no pedido', 'numero do pedido', 'numero pedido', 'n do pedido', 'id do pedido', 'order', 'order number', 'order id', '#'],
  customerName: ['cliente', 'nome', 'nome do cliente', 'nome cliente', 'comprador', 'destinatario', 'customer', 'customer name', 'name'],
  phone: ['telefone', 'celular', 'whatsapp', 'fone', 'tel', 'contato', 'telefone celular', 'phone', 'mobile'],
  total: ['total', 'valor', 'valor total', 'total do pedido', 'preco', 'amount', 'order total'],
  currency: ['moeda', 'currency'],
  status: ['status', 'situacao', 'estado', 'status do pedido', 'order status'],
  createdAt: ['data', 'data do pedido', 'data pedido', 'data da compra', 'criado em', 'date', 'created', 'created at', 'order date'],
  carrier: ['transportadora', 'forma de envio', 'carrier', 'shipping carrier'],
  trackingNumber: ['rastreio', 'codigo de rastreio', 'codigo rastreio', 'rastreamento', 'codigo de rastreamento', 'tracking', 'tracking number', 'tracking code'],
  trackingUrl: ['link de rastreio', 'link rastreio', 'url de rastreio', 'url rastreio', 'tracking url', 'tracking link'],
  shippedAt: ['data de envio', 'data envio', 'enviado em', 'shipped at', 'ship date'],
  deliveredAt: ['data de entrega', 'data entrega', 'entregue em', 'delivered at', 'delivery date'],
  cancelReason: ['motivo do cancelamento', 'motivo cancelamento', 'motivo', 'cancel reason'],
};

const headerKey = (h: string) => normaliseWord(h).replace(/[^a-z0-9#]+/g, ' ').trim();

/** Field → column from the header's wording: exact synonyms first, then the longest contained one. */
export function guessMapping(columns: readonly string[]): Partial<Record<CsvField, string>> {
  const taken = new Set<string>();
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const exact of [true, false]) {
    for (const field of CSV_FIELDS) {
      if (mapping[field]) continue;
      let best: { column: string; score: number } | null = null;
      for (const column of columns) {
        if (taken.has(column)) continue;
        const key = headerKey(column);
        for (const word of SYNONYMS[field]) {
          const hit = exact ? key === word : word.length >= 4 && key.includes(word);
          if (hit && (!best || word.length > best.score)) best = { column, score: word.length };
        }
      }
      if (best) {
        mapping[field] = best.column;
        taken.add(best.column);
      }
    }
  }
  return mapping;
}
