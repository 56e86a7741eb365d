import { LOG_CSV_COLUMNS } from '../../../shared/contract/methods/log';

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
