import Papa from 'papaparse';
import { CSV_MAX_BYTES, type CsvDelimiter, type CsvEncoding, type CsvFileProblem } from '../../../../shared/contract/methods/csv';
import { AppError } from '../../contract/app-error';

export interface CsvInput {
  content: string;
  contentEncoding: 'text' | 'base64';
  delimiter: 'auto' | CsvDelimiter;
}

export interface CsvRow {
  /** The file's line where the row starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  columns: string[];
  headerLine: number;
  /** Data rows (header and blank lines excluded), trimmed cells. */
  rows: CsvRow[];
}

/** A column name longer than this is cut: it is a label to pick, not data. */
const COLUMN_NAME_MAX = 80;

/**
 * A problem with the whole file (not one row), said in words through `csv.file.*` keys. It is a
 * `validation` error on `content`, so the screen shows it where the owner picked the file.
 */
export function fileProblem(key: CsvFileProblem, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation', message, { issues: [{ path: 'content', key: `csv.file.${key}`, params }] });
}

const tooLarge = () => fileProblem('tooLarge', 'The file is too large', { maximumMb: CSV_MAX_BYTES / (1024 * 1024) });

/** Bytes that say "this is not a text file": a spreadsheet saved in Excel's own format, or binary. */
function refuseNonText(bytes: Uint8Array): void {
  const startsWith = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) throw fileProblem('spreadsheet', 'This is an .xlsx/.ods file, not CSV');
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) throw fileProblem('spreadsheet', 'This is an .xls file, not CSV');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
}

/**
 * Bytes → text: a BOM says UTF-8 (Excel's "CSV UTF-8") or UTF-16 (Excel's "Unicode text");
 * otherwise strict UTF-8 is tried and, if the bytes are not valid UTF-8, Windows-1252 (Excel's
 * plain "CSV" on a Brazilian Windows), which decodes every byte. Excel workbooks and other
 * binary files are refused in words instead of being read as garbage.
 */
export function decodeCsv(input: Pick<CsvInput, 'content' | 'contentEncoding'>): { text: string; encoding: CsvEncoding } {
  let decoded: { text: string; encoding: CsvEncoding };
  if (input.contentEncoding === 'text') {
    if (input.content.length > CSV_MAX_BYTES) throw tooLarge();
    decoded = input.content.startsWith('\uFEFF') ? { text: input.content.slice(1), encoding: 'utf-8-bom' } : { text: input.content, encoding: 'utf-8' };
  } else {
    const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
    if (bytes.byteLength > CSV_MAX_BYTES) throw tooLarge();
    refuseNonText(bytes);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: decodeUtf16(bytes, true), encoding: 'utf-16le' };
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: decodeUtf16(bytes, false), encoding: 'utf-16be' };
    else {
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        decoded = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
      }
    }
  }
  // No spreadsheet writes NUL into a CSV: this is a binary file, or UTF-16 without its BOM.
  if (decoded.text.includes('\u0000')) throw fileProblem('notText', 'The file is not text');
  return decoded;
}

/** The separator used most in the header line, outside quotes (`;` wins ties: Brazilian Excel). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let seenText = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      // Blank lines before the header are skipped, like the parser does.
      if (seenText) break;
    } else if (!quoted && ch in counts) counts[ch as CsvDelimiter]++;
    if (ch.trim() !== '') seenText = true;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a] || (a === ';' ? -1 : b === ';' ? 1 : 0))[0];
  return best && counts[best] > 0 ? best : ',';
}

/** Offset in the text → its line (1-based), by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Header names the owner can pick from: trimmed, cut, blank ones numbered, repeated ones told apart. */
function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, i) => {
    let name = cell.replace(/\s+/g, ' ').trim() || `#${i + 1}`;
    if (name.length > COLUMN_NAME_MAX) name = `${name.slice(0, COLUMN_NAME_MAX)}…`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/**
 * The file as a header and data rows, each row with its line in the file. Never returns a
 * half-read file: broken quoting (which swallows every line after it) is refused naming the
 * line where the quote opens; an empty file or one with only a header is said as such.
 */
export function parseCsvFile(input: CsvInput): ParsedCsv {
  const { text, encoding } = decodeCsv(input);
  const delimiter = input.delimiter === 'auto' ? detectDelimiter(text) : input.delimiter;
  const lineAt = lineIndex(text);
  const records: CsvRow[] = [];
  let quoteProblem: { code: string; line: number } | null = null;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const line = lineAt(start);
      start = result.meta.cursor;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        quoteProblem = { code: quote.code, line: typeof quote.index === 'number' ? lineAt(Math.max(0, quote.index - 1)) : line };
        parser.abort();
        return;
      }
      records.push({ line, cells: result.data });
    },
  });
  if (quoteProblem) {
    const { code, line } = quoteProblem as { code: string; line: number };
    throw fileProblem(code === 'InvalidQuotes' ? 'badQuote' : 'unclosedQuote', `Broken quoting at line ${line}`, { line });
  }
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = nonBlank;
  if (!header) throw fileProblem('empty', 'The file is empty');
  if (data.length === 0) throw fileProblem('noRows', 'The file has a header and no rows', { line: header.line });
  return {
    encoding,
    delimiter,
    columns: columnNames(header.cells),
    headerLine: header.line,
    rows: data.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })),
  };
}
