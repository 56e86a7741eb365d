import { setImmediate as nextTurn } from 'node:timers/promises';
import { CSV_LIST_LIMIT, type CsvImportResult, type CsvPreview } from '../../../../shared/contract/methods/csv';
import type { AppDatabase } from '../../db/open-database';
import { saveOrder } from '../order-book';
import { parseCsvFile, type CsvInput } from './csv-file';
import { guessMapping, missingRequired } from './csv-mapping';
import { planImport, planResult, type CsvImportOptions } from './csv-plan';

export const PREVIEW_ROWS = 10;
const PREVIEW_CELL_MAX = 200;
/**
 * Rows written per transaction before the import lets the process breathe (webhooks, the
 * dispatcher, the window): a 10,000-row file must not freeze the app while it is written.
 */
const WRITE_CHUNK = 200;

/** Columns, the first rows, the guessed mapping and the required fields it misses. Throws file problems in words. */
export function previewCsv(input: CsvInput): CsvPreview {
  const file = parseCsvFile(input);
  const guessedMapping = guessMapping(file.columns);
  return {
    columns: file.columns,
    sampleRows: file.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells.map((c) => (c.length > PREVIEW_CELL_MAX ? `${c.slice(0, PREVIEW_CELL_MAX)}…` : c))),
    totalRows: file.rows.length,
    headerLine: file.headerLine,
    encoding: file.encoding,
    delimiter: file.delimiter,
    guessedMapping,
    missingRequired: missingRequired(guessedMapping),
  };
}

/** What the check before importing says: the import's own plan, nothing written. */
export function checkCsv(db: AppDatabase, options: CsvImportOptions, now: number): CsvImportResult {
  return planResult(planImport(db, options, now));
}

/**
 * Imports the file as its check said: new orders and updates of ones imported before (matched
 * by order number, source `csv`), recording their events. Written in small transactions with a
 * pause between them, reporting progress; a row the book refuses to store is moved to the
 * refused ones (`csv.row.saveFailed`) and the others go on. The counts always add up to the
 * file's rows.
 */
export async function importCsv(
  db: AppDatabase,
  options: CsvImportOptions,
  now: number,
  hooks: { onProgress?: (done: number, total: number) => void; onSaveError?: (line: number, error: unknown) => void } = {},
): Promise<CsvImportResult> {
  const plan = planImport(db, options, now);
  const result: CsvImportResult = { ...planResult(plan), dryRun: false, events: 0 };
  const total = plan.writes.length;
  let events = 0;
  for (let start = 0; start < total; start += WRITE_CHUNK) {
    db.$client.transaction(() => {
      for (const write of plan.writes.slice(start, start + WRITE_CHUNK)) {
        try {
          events += saveOrder(db, write.order, now).events.length;
        } catch (error) {
          hooks.onSaveError?.(write.line, error);
          result.counts[write.kind]--;
          result.counts.refused++;
          if (result.refused.length < CSV_LIST_LIMIT) {
            result.refused.push({ line: write.line, number: write.number, problems: [{ field: null, column: null, key: 'csv.row.saveFailed', params: {} }] });
          }
        }
      }
    })();
    hooks.onProgress?.(Math.min(start + WRITE_CHUNK, total), total);
    if (start + WRITE_CHUNK < total) await nextTurn();
  }
  result.refused.sort((a, b) => a.line - b.line);
  result.events = events;
  return result;
}
