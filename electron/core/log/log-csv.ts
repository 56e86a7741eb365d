import { explainsReason } from '../../../shared/domain/dispatch-reasons';
import { LOG_CSV_COLUMNS, type LogCsvWords } from '../../../shared/contract/methods/log';
import { ORDER_EVENTS, type OrderEvent } from '../../../shared/domain/order-events';
import { OPT_OUT_REASON } from '../../../shared/domain/opt-out';
import type { NotificationRow } from '../db/schema';

/**
 * One CSV cell: quoted when it holds the delimiter, a quote or a line break; a text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` — but not a plain number such as a phone
 * `+5511…`) gets a leading `'` (OWASP's CSV-injection advice).
 */
export function csvCell(value: string | number | null, delimiter: string): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: (string | number | null)[], delimiter: string): string {
  return `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
}

/** `dd/mm/aaaa hh:mm` in the zone (pt-BR style) or ISO 8601 in UTC without one. */
export function dateFormatter(timeZone: string | undefined): (ms: number | null) => string | null {
  if (!timeZone) return (ms) => (ms === null ? null : new Date(ms).toISOString());
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('pt-BR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    return (ms) => (ms === null ? null : new Date(ms).toISOString());
  }
  return (ms) => (ms === null ? null : format.format(ms).replace(',', ''));
}

export const DEFAULT_CSV_HEADERS: readonly string[] = LOG_CSV_COLUMNS;

/** One exported row as the log stores it (the schema's columns). */
export type LogCsvRow = Pick<
  NotificationRow,
  'id' | 'orderNumber' | 'phone' | 'type' | 'status' | 'reason' | 'tracking' | 'createdAt' | 'sentAt' | 'deliveredAt' | 'readAt' | 'error' | 'errorCode' | 'wamid'
>;

const fill = (text: string, name: string, value: string) => text.replaceAll(`{{${name}}}`, value);

/**
 * Why the row did not go, in the owner's words: the reason's sentence, then what the dispatcher
 * kept next to it (the blacklist entry, the newer event, the phone problem). Codes the words do
 * not cover are written as they are, so nothing is lost.
 */
function reasonWords(row: LogCsvRow, words: LogCsvWords): string | null {
  if (!explainsReason(row) || row.reason === null) return null;
  const sentence = words.reasons[row.reason] ?? row.reason;
  const detail = row.status === 'skipped' ? skippedDetail(row, words) : null;
  return detail ? `${sentence} ${detail}` : sentence;
}

function skippedDetail(row: LogCsvRow, words: LogCsvWords): string | null {
  const error = row.error;
  if (error === null || error === '') return null;
  if (error.startsWith('phone.reason.')) return words.phoneProblems[error.slice('phone.reason.'.length)] ?? null;
  if (row.reason === 'blacklisted') return fill(words.blacklistedDetail, 'text', error === OPT_OUT_REASON ? words.optedOut : error);
  if (row.reason === 'superseded' && (ORDER_EVENTS as readonly string[]).includes(error)) {
    return fill(words.supersededDetail, 'event', words.types[error as OrderEvent]);
  }
  return null;
}

/**
 * The cells of one exported row, in `LOG_CSV_COLUMNS` order. With `words`, event, status and reason
 * are the owner's words and the machine values follow in their own columns; without, every cell
 * is the machine value. The error column holds Meta's error only (a skipped row's detail is words
 * in the reason column).
 */
export function logCsvCells(row: LogCsvRow, words: LogCsvWords | undefined, date: (ms: number | null) => string | null): (string | number | null)[] {
  const metaError = row.status === 'skipped' ? null : row.error;
  return [
    row.id,
    row.orderNumber,
    row.phone,
    words ? words.types[row.type] : row.type,
    words ? words.statuses[row.status] : row.status,
    words ? reasonWords(row, words) : row.reason,
    row.tracking,
    date(row.createdAt),
    date(row.sentAt),
    date(row.deliveredAt),
    date(row.readAt),
    words ? metaError : row.error,
    row.wamid,
    row.type,
    row.status,
    row.reason,
  ];
}
