import {
  CSV_LIST_LIMIT,
  type CsvCounts,
  type CsvDuplicate,
  type CsvDuplicateChoice,
  type CsvExisting,
  type CsvImportResult,
  type CsvRefusedRow,
} from '../../../../shared/contract/methods/csv';
import type { CsvField } from '../../../../shared/domain/csv-fields';
import type { Order } from '../../../../shared/domain/order';
import { AppError } from '../../contract/app-error';
import type { AppDatabase } from '../../db/open-database';
import { loadOrders, sameOrder } from '../order-book';
import { parseCsvFile, type CsvInput, type CsvRow } from './csv-file';
import { missingRequired } from './csv-mapping';
import { readRow, rowNumber, type ColumnMap } from './csv-row';

export interface CsvImportOptions extends CsvInput {
  mapping: Partial<Record<CsvField, string>>;
  duplicates: CsvDuplicateChoice;
  defaultCurrency: string;
}

/** One order the import will write: new, or an update of the one imported before. */
export interface PlannedWrite {
  line: number;
  number: string;
  kind: 'create' | 'update';
  order: Order;
}

/** What importing the file would do, row by row, before anything is written. */
export interface ImportPlan {
  counts: CsvCounts;
  writes: PlannedWrite[];
  refused: CsvRefusedRow[];
  duplicates: CsvDuplicate[];
  existing: CsvExisting[];
}

/** The mapping names columns the file has, and a column for every required field; else a validation error in words. */
function columnMap(columns: string[], mapping: Partial<Record<CsvField, string>>): ColumnMap {
  const found = columns.join(', ');
  const issues = [
    ...missingRequired(mapping).map((field) => ({ path: `mapping.${field}`, key: 'csv.mapping.required', params: { field, columns: found } })),
    ...Object.entries(mapping)
      .filter(([, column]) => column && !columns.includes(column))
      .map(([field, column]) => ({ path: `mapping.${field}`, key: 'csv.mapping.unknownColumn', params: { field, column: column ?? '', columns: found } })),
  ];
  if (issues.length > 0) throw new AppError('validation', 'The column mapping is incomplete', { issues });
  const index: Partial<Record<CsvField, number>> = {};
  for (const [field, column] of Object.entries(mapping) as [CsvField, string | undefined][]) {
    if (column) index[field] = columns.indexOf(column);
  }
  return { index, columns };
}

/**
 * Which line each repeated order number keeps: exact copies keep their first line whatever the
 * choice; lines that disagree follow the owner's choice (`skip` keeps none).
 */
function resolveDuplicates(rows: CsvRow[], map: ColumnMap, choice: CsvDuplicateChoice): { groups: CsvDuplicate[]; skipped: Set<number> } {
  const byNumber = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const number = rowNumber(row, map);
    if (number === '') continue;
    const group = byNumber.get(number);
    if (group) group.push(row);
    else byNumber.set(number, [row]);
  }
  const groups: CsvDuplicate[] = [];
  const skipped = new Set<number>();
  for (const [number, group] of byNumber) {
    if (group.length < 2) continue;
    const first = JSON.stringify(group[0]?.cells);
    const identical = group.every((r) => JSON.stringify(r.cells) === first);
    const kept = identical || choice === 'first' ? group[0] : choice === 'last' ? group[group.length - 1] : undefined;
    for (const row of group) if (row !== kept) skipped.add(row.line);
    groups.push({ number, lines: group.map((r) => r.line), identical, keptLine: kept?.line ?? null });
  }
  return { groups, skipped };
}

/**
 * Reads the whole file and decides each row's fate, writing nothing: created, updated,
 * unchanged (already in the book as it is), skipped as a duplicate, or refused with its
 * reasons. The check before importing and the import itself both start here, so what the
 * owner is shown is what happens. Throws (a validation error in words) only for problems of
 * the whole file or the column mapping.
 */
export function planImport(db: AppDatabase, options: CsvImportOptions, now: number): ImportPlan {
  const file = parseCsvFile(options);
  const map = columnMap(file.columns, options.mapping);
  const duplicates = resolveDuplicates(file.rows, map, options.duplicates);
  const previous = loadOrders(
    db,
    'csv',
    file.rows.filter((r) => !duplicates.skipped.has(r.line)).map((r) => rowNumber(r, map)).filter((n) => n !== ''),
  );

  const counts: CsvCounts = { rows: file.rows.length, create: 0, update: 0, unchanged: 0, duplicates: 0, refused: 0 };
  const plan: ImportPlan = { counts, writes: [], refused: [], duplicates: duplicates.groups.slice(0, CSV_LIST_LIMIT), existing: [] };
  for (const row of file.rows) {
    if (duplicates.skipped.has(row.line)) {
      counts.duplicates++;
      continue;
    }
    const number = rowNumber(row, map);
    const before = previous.get(number)?.order ?? null;
    const reading = readRow(row, map, before, { defaultCurrency: options.defaultCurrency, now });
    if (!reading.ok) {
      counts.refused++;
      if (plan.refused.length < CSV_LIST_LIMIT) plan.refused.push({ line: row.line, number: number || null, problems: reading.problems });
      continue;
    }
    if (before && sameOrder(before, reading.order)) {
      counts.unchanged++;
      if (plan.existing.length < CSV_LIST_LIMIT) plan.existing.push({ line: row.line, number, outcome: 'unchanged' });
      continue;
    }
    const kind = before ? 'update' : 'create';
    counts[kind]++;
    plan.writes.push({ line: row.line, number, kind, order: { ...reading.order, updatedAt: now } });
    if (before && plan.existing.length < CSV_LIST_LIMIT) plan.existing.push({ line: row.line, number, outcome: 'update' });
  }
  return plan;
}

/** The plan as the check before importing shows it (nothing written, no events). */
export function planResult(plan: ImportPlan): CsvImportResult {
  return { dryRun: true, counts: { ...plan.counts }, events: null, refused: plan.refused, duplicates: plan.duplicates, existing: plan.existing };
}
