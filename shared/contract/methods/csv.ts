import { z } from 'zod';
import { method } from '../define';
import { CSV_FIELDS, type CsvField } from '../../domain/csv-fields';
import { isKnownCurrency } from '../../domain/order-schema';

/** CSV content as the renderer can send it (it cannot read paths in the browser). ~5 MB of file. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;

/** Longest base64 text of a file within `CSV_MAX_BYTES` (the web host sizes its body limit by it). */
export const CSV_MAX_CONTENT_CHARS = Math.ceil((CSV_MAX_BYTES * 4) / 3) + 4;

const csvFile = {
  /**
   * The file itself: text as read, or base64 of the raw bytes (lets the core detect the
   * encoding). An empty file is allowed through so the core can say "the file is empty".
   */
  content: z.string().max(CSV_MAX_CONTENT_CHARS, { error: 'csv.file.tooLarge' }),
  contentEncoding: z.enum(['text', 'base64']).default('text'),
  /** `auto` looks at the header line. */
  delimiter: z.enum(['auto', ';', ',', '\t']).default('auto'),
};

/**
 * What to do when one order number is on several lines with different data. `skip` imports
 * none of them until the owner picks (the careful default: two lines disagree about one
 * customer's order, and a wrong one would send a wrong message); `first`/`last` keep that line.
 * Lines that are exact copies of each other are never a question: one copy is kept.
 */
export const CSV_DUPLICATE_CHOICES = ['skip', 'first', 'last'] as const;
export type CsvDuplicateChoice = (typeof CSV_DUPLICATE_CHOICES)[number];

/** Problems of a whole file, each an i18n key `csv.file.<problem>`. */
export const CSV_FILE_PROBLEMS = ['empty', 'noRows', 'unclosedQuote', 'badQuote', 'spreadsheet', 'notText', 'tooLarge', 'importRunning'] as const;
export type CsvFileProblem = (typeof CSV_FILE_PROBLEMS)[number];

/** Problems of one row, each an i18n key `csv.row.<problem>`. */
export const CSV_ROW_PROBLEMS = [
  'required',
  'tooLong',
  'badPhone',
  'badAmount',
  'amountNegative',
  'amountTooLarge',
  'badCurrency',
  'unknownStatus',
  'badDate',
  'badUrl',
  'badTrackingCode',
  'trackingCodeCorreios',
  'tooManyShipments',
  'extraCells',
  'saveFailed',
  'invalid',
] as const;
export type CsvRowProblem = (typeof CSV_ROW_PROBLEMS)[number];

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvPreview {
  /** Column names as in the header line (blank ones as `#3`, repeated ones as `Data (2)`). */
  columns: string[];
  /** The first rows (up to 10), cells as text (long cells cut). */
  sampleRows: string[][];
  /** Data rows in the file (blank lines are not rows). */
  totalRows: number;
  /** The header's line in the file (1 unless blank lines come first). */
  headerLine: number;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Field → column name, from the header's wording (pt-BR and English). */
  guessedMapping: Partial<Record<CsvField, string>>;
  /** Required fields no column was recognised for: the owner must pick them. */
  missingRequired: CsvField[];
}

/** One problem of one row: the field (and the file's column it was mapped to) and why, as an i18n key. */
export interface CsvProblem {
  field: CsvField | null;
  /** The column's name in the file, as the owner mapped it. */
  column: string | null;
  /** `csv.row.*` i18n key. */
  key: string;
  params: Record<string, string | number>;
}

/** A row that will not be (or was not) imported, with every reason. `line` is the file's line. */
export interface CsvRefusedRow {
  line: number;
  number: string | null;
  problems: CsvProblem[];
}

/** One order number found on several lines, and which line (if any) is used. */
export interface CsvDuplicate {
  number: string;
  lines: number[];
  /** Every line has exactly the same cells. */
  identical: boolean;
  keptLine: number | null;
}

/** A row whose order number is already in the book (imported before). */
export interface CsvExisting {
  line: number;
  number: string;
  outcome: 'update' | 'unchanged';
}

/** rows = create + update + unchanged + duplicates + refused, always. */
export interface CsvCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  /** Rows skipped because their order number is on another line that is used (or all skipped). */
  duplicates: number;
  refused: number;
}

/** The listed details are capped at this many entries each; the counts are always whole. */
export const CSV_LIST_LIMIT = 500;

export interface CsvImportResult {
  /** True when nothing was written (the check before importing). */
  dryRun: boolean;
  counts: CsvCounts;
  /** Ledger events the import recorded (null on a dry run, which records nothing). */
  events: number | null;
  refused: CsvRefusedRow[];
  duplicates: CsvDuplicate[];
  existing: CsvExisting[];
}

/** Progress of a running import (not of a dry run, which is fast). */
export const csvProgressSchema = z.object({ done: z.number(), total: z.number() });

const mapping = z.partialRecord(z.enum(CSV_FIELDS), z.string().max(200));

export const csvMethods = {
  'csv.preview': method(z.object(csvFile).strict()).returns<CsvPreview>(),
  /**
   * `dryRun: true` checks every row and says what an import would do, writing nothing (the
   * owner may cancel); `dryRun: false` does exactly that, importing every row it can and
   * reporting the others. Both count the same way, so the check and the result agree.
   */
  'csv.import': method(
    z
      .object({
        ...csvFile,
        mapping,
        duplicates: z.enum(CSV_DUPLICATE_CHOICES).default('skip'),
        dryRun: z.boolean().default(true),
        defaultCurrency: z.string().refine(isKnownCurrency, { error: 'validation.currency' }).default('BRL'),
      })
      .strict(),
  ).returns<CsvImportResult>(),
};
