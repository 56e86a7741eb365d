import type { CsvImportResult, CsvPreview, CsvRowError } from '../../../../shared/contract/methods/order-sources';
import { REQUIRED_CSV_FIELDS, type CsvField } from '../../../../shared/domain/csv-fields';
import type { Order } from '../../../../shared/domain/order';
import { normalizeBrazilianPhone } from '../../../../shared/domain/phone';
import { AppError } from '../../contract/app-error';
import type { AppDatabase } from '../../db/open-database';
import { loadOrder, saveOrder } from '../order-book';
import { guessMapping, parseCsvFile, type CsvInput } from './csv-file';
import { parseAmount, parseDate, parseStatus } from './csv-values';

export const PREVIEW_ROWS = 10;
const UNTRACKED = 'untracked';

export function previewCsv(input: CsvInput): CsvPreview {
  const file = parseCsvFile(input);
  return {
    columns: file.columns,
    sampleRows: file.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
    totalRows: file.rows.length,
    encoding: file.encoding,
    delimiter: file.delimiter,
    guessedMapping: guessMapping(file.columns),
  };
}

export interface CsvImportOptions extends CsvInput {
  mapping: Partial<Record<CsvField, string>>;
  dryRun: boolean;
  defaultCurrency: string;
}

class DryRunRollback extends Error {}

/**
 * Imports orders (new ones, and status/tracking updates of ones imported before, matched by
 * order number) into the book as source `csv`. Every row is checked first; bad rows are
 * reported with an i18n key and its params (`csv.badPhone`, `csv.unknownStatus`, `csv.badDate`,
 * `csv.badAmount`, `csv.required`…), good rows are all written in ONE transaction, recording
 * their events. A dry run does the same work and rolls the transaction back, so its counts are
 * exact and nothing is written: the user sees the errors, then imports or cancels.
 */
export function importCsv(db: AppDatabase, options: CsvImportOptions, now: number): CsvImportResult {
  const file = parseCsvFile(options);
  const missing = REQUIRED_CSV_FIELDS.filter((f) => !options.mapping[f]);
  const unknown = Object.entries(options.mapping).filter(([, column]) => column && !file.columns.includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    throw new AppError('validation', 'The column mapping is incomplete', {
      issues: [
        ...missing.map((f) => ({ path: `mapping.${f}`, key: 'csv.mappingRequired', params: { field: f } })),
        ...unknown.map(([f, column]) => ({ path: `mapping.${f}`, key: 'csv.mappingUnknownColumn', params: { column: column ?? '' } })),
      ],
    });
  }
  const index = Object.fromEntries(
    Object.entries(options.mapping)
      .filter(([, column]) => column)
      .map(([field, column]) => [field, file.columns.indexOf(column as string)]),
  ) as Partial<Record<CsvField, number>>;

  const errors: CsvRowError[] = [];
  const valid: { number: string; apply: (previous: Order | null) => Order }[] = [];
  for (const { line, cells } of file.rows) {
    const cell = (f: CsvField) => {
      const i = index[f];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const rowErrors: CsvRowError[] = [];
    const problem = (field: CsvField, key: string, params: Record<string, string | number> = {}) =>
      rowErrors.push({ row: line, path: field, key, params });

    for (const f of REQUIRED_CSV_FIELDS) if (cell(f) === '') problem(f, 'csv.required', { field: f });
    const phoneText = cell('phone');
    if (phoneText !== '') {
      const phone = normalizeBrazilianPhone(phoneText);
      if (!phone.ok) problem('phone', 'csv.badPhone', { value: phoneText, reason: phone.reason });
    }
    const totalText = cell('total');
    const total = totalText === '' ? null : parseAmount(totalText);
    if (totalText !== '' && total === null) problem('total', 'csv.badAmount', { value: totalText, expected: '1.234,56' });
    const statusText = cell('status');
    const status = statusText === '' ? null : parseStatus(statusText);
    if (statusText !== '' && status === null) problem('status', 'csv.unknownStatus', { value: statusText });
    const dates: Partial<Record<'createdAt' | 'shippedAt' | 'deliveredAt', number>> = {};
    for (const f of ['createdAt', 'shippedAt', 'deliveredAt'] as const) {
      const text = cell(f);
      if (text === '') continue;
      const ms = parseDate(text);
      if (ms === null) problem(f, 'csv.badDate', { value: text, expected: 'dd/mm/aaaa' });
      else dates[f] = ms;
    }
    const currency = cell('currency').toUpperCase() || options.defaultCurrency;
    if (!/^[A-Z]{3}$/.test(currency)) problem('currency', 'csv.badCurrency', { value: cell('currency') });
    const trackingUrl = cell('trackingUrl');
    if (trackingUrl !== '' && !/^https?:\/\/\S+$/i.test(trackingUrl)) problem('trackingUrl', 'csv.badUrl', { value: trackingUrl });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    valid.push({
      number: cell('number'),
      apply: (previous) => {
        const number = cell('number');
        const order: Order = previous
          ? structuredClone(previous)
          : {
              source: 'csv',
              externalId: number,
              number,
              customerName: cell('customerName'),
              phone: null,
              totalMinor: 0,
              currency,
              status: 'pending',
              createdAt: dates.createdAt ?? now,
              updatedAt: now,
              shipments: [],
              refunds: [],
              cancelReason: null,
            };
        order.customerName = cell('customerName');
        if (phoneText !== '') order.phone = phoneText;
        if (total !== null) order.totalMinor = total;
        if (cell('currency') !== '') order.currency = currency;
        if (dates.createdAt !== undefined) order.createdAt = dates.createdAt;
        if (status) order.status = status.status;
        if (cell('cancelReason') !== '') order.cancelReason = cell('cancelReason');
        const tracking = cell('trackingNumber').toUpperCase();
        if (tracking !== '' || status?.shipped || dates.shippedAt !== undefined) {
          const id = tracking || UNTRACKED;
          let shipment = order.shipments.find((s) => s.id === id);
          if (!shipment) {
            shipment = { id, carrier: null, trackingNumber: tracking || null, trackingUrl: null, shippedAt: dates.shippedAt ?? now, deliveredAt: null };
            order.shipments.push(shipment);
          }
          if (cell('carrier') !== '') shipment.carrier = cell('carrier');
          if (trackingUrl !== '') shipment.trackingUrl = trackingUrl;
          if (dates.shippedAt !== undefined) shipment.shippedAt = dates.shippedAt;
          if (status?.delivered || dates.deliveredAt !== undefined) shipment.deliveredAt ??= dates.deliveredAt ?? now;
        }
        order.updatedAt = now;
        return order;
      },
    });
  }

  let created = 0;
  let updated = 0;
  let events = 0;
  const run = db.$client.transaction(() => {
    for (const row of valid) {
      const previous = loadOrder(db, 'csv', row.number)?.order ?? null;
      const saved = saveOrder(db, row.apply(previous), now);
      if (saved.created) created++;
      else if (saved.changed) updated++;
      events += saved.events.length;
    }
    if (options.dryRun) throw new DryRunRollback();
  });
  try {
    run();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { dryRun: options.dryRun, totalRows: file.rows.length, validRows: valid.length, created, updated, events, errors };
}
