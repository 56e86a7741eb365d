import type { CsvProblem, CsvRowProblem } from '../../../../shared/contract/methods/csv';
import type { CsvField } from '../../../../shared/domain/csv-fields';
import { REQUIRED_CSV_FIELDS } from '../../../../shared/domain/csv-fields';
import type { Order } from '../../../../shared/domain/order';
import { cleanText, ORDER_LIMITS, parseOrder } from '../../../../shared/domain/order-schema';
import { normalizeBrazilianPhone } from '../../../../shared/domain/phone';
import type { CsvRow } from './csv-file';
import { parseDate, parseStatus, readAmount, readCurrency } from './csv-values';

const UNTRACKED = 'untracked';
/** A cell quoted in a message is cut here: the owner needs to recognise it, not read 200,000 characters. */
const QUOTED_VALUE_MAX = 40;

/** Field → index of its column in the file, and the column's name (for messages). */
export interface ColumnMap {
  index: Partial<Record<CsvField, number>>;
  columns: readonly string[];
}

/** A row checked and turned into an order (merged onto the one imported before, if any). */
export type RowReading = { ok: true; order: Order } | { ok: false; problems: CsvProblem[] };

const quote = (value: string) => (value.length > QUOTED_VALUE_MAX ? `${value.slice(0, QUOTED_VALUE_MAX)}…` : value);

/** The order number a row is identified by, as the order schema will store it ('' when blank). */
export function rowNumber(row: CsvRow, map: ColumnMap): string {
  const i = map.index.number;
  return i === undefined ? '' : cleanText(row.cells[i] ?? '');
}

/** Schema field paths → the CSV field a problem belongs to. */
function fieldOfPath(path: string): CsvField | null {
  const [head, , leaf] = path.split('.');
  if (head === 'number' || head === 'externalId') return 'number';
  if (head === 'totalMinor') return 'total';
  if (head === 'shipments') {
    if (leaf === 'carrier' || leaf === 'trackingUrl' || leaf === 'shippedAt' || leaf === 'deliveredAt' || leaf === 'trackingNumber') return leaf;
    return 'trackingNumber';
  }
  if (head === 'customerName' || head === 'phone' || head === 'currency' || head === 'status' || head === 'createdAt' || head === 'cancelReason') return head;
  return null;
}

const MAX_LENGTH: Partial<Record<CsvField, number>> = {
  number: ORDER_LIMITS.number,
  customerName: ORDER_LIMITS.customerName,
  phone: ORDER_LIMITS.phone,
  carrier: ORDER_LIMITS.carrier,
  trackingNumber: ORDER_LIMITS.trackingNumber,
  trackingUrl: ORDER_LIMITS.url,
  cancelReason: ORDER_LIMITS.reason,
};

/** The order schema's `validation.*` reasons, said for a CSV cell (`csv.row.*`). */
function rowKeyOf(schemaKey: string): string {
  const known: Record<string, CsvRowProblem> = {
    'validation.required': 'required',
    'validation.tooLong': 'tooLong',
    'validation.phone.too_long': 'tooLong',
    'validation.amount': 'badAmount',
    'validation.amountNegative': 'amountNegative',
    'validation.amountTooLarge': 'amountTooLarge',
    'validation.currency': 'badCurrency',
    'validation.date': 'badDate',
    'validation.url': 'badUrl',
    'validation.trackingCode': 'badTrackingCode',
    'validation.trackingCodeCorreios': 'trackingCodeCorreios',
    'validation.tooMany': 'tooManyShipments',
  };
  const problem: CsvRowProblem = known[schemaKey] ?? 'invalid';
  return `csv.row.${problem}`;
}

/**
 * Reads one row into an order for the book: each cell by its own rules (money the Brazilian
 * and international ways, dates, status words, phones with any script's digits), then the whole
 * order through `parseOrder`, the door every source uses, with the order form's limits. Every
 * problem is reported with the field, the owner's column name and the reason; the row is
 * refused if there is any. `previous` is the order imported before with this number: blank
 * cells keep what it had.
 */
export function readRow(
  row: CsvRow,
  map: ColumnMap,
  previous: Order | null,
  options: { defaultCurrency: string; now: number },
): RowReading {
  const problems: CsvProblem[] = [];
  const cell = (field: CsvField) => {
    const i = map.index[field];
    return i === undefined ? '' : (row.cells[i] ?? '');
  };
  const columnOf = (field: CsvField | null) => {
    const i = field === null ? undefined : map.index[field];
    return i === undefined ? null : (map.columns[i] ?? null);
  };
  const problem = (field: CsvField | null, key: CsvRowProblem, params: Record<string, string | number> = {}) =>
    problems.push({ field, column: columnOf(field), key: `csv.row.${key}`, params });

  const extra = row.cells.slice(map.columns.length).filter((c) => c !== '');
  if (extra.length > 0) problem(null, 'extraCells', { cells: row.cells.length, columns: map.columns.length });
  for (const f of REQUIRED_CSV_FIELDS) if (cleanText(cell(f)) === '') problem(f, 'required');

  const phoneText = cell('phone');
  if (phoneText !== '') {
    const phone = normalizeBrazilianPhone(phoneText);
    if (!phone.ok) problem('phone', 'badPhone', { value: quote(phoneText), reason: phone.reason });
  }
  const currencyText = cell('currency');
  const currency = currencyText === '' ? null : readCurrency(currencyText);
  if (currencyText !== '' && currency === null) problem('currency', 'badCurrency', { value: quote(currencyText) });
  const totalText = cell('total');
  let total: number | null = null;
  if (totalText !== '') {
    // In the row's currency (else the order's, else the import's default): guaraníes have no centavos.
    const amount = readAmount(totalText, currency ?? previous?.currency ?? options.defaultCurrency);
    if (amount.ok) total = amount.minor;
    else problem('total', amount.problem, { value: quote(totalText) });
  }
  const statusText = cell('status');
  const status = statusText === '' ? null : parseStatus(statusText);
  if (statusText !== '' && status === null) problem('status', 'unknownStatus', { value: quote(statusText) });
  const dates: Partial<Record<'createdAt' | 'shippedAt' | 'deliveredAt', number>> = {};
  for (const f of ['createdAt', 'shippedAt', 'deliveredAt'] as const) {
    const text = cell(f);
    if (text === '') continue;
    const ms = parseDate(text);
    if (ms === null) problem(f, 'badDate', { value: quote(text) });
    else dates[f] = ms;
  }
  if (problems.length > 0) return { ok: false, problems };

  const { now } = options;
  const number = cleanText(cell('number'));
  const order: Order = previous
    ? structuredClone(previous)
    : {
        source: 'csv',
        externalId: number,
        number,
        customerName: '',
        phone: null,
        totalMinor: 0,
        currency: currency ?? options.defaultCurrency,
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
  if (currency !== null) order.currency = currency;
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
    if (cell('trackingUrl') !== '') shipment.trackingUrl = cell('trackingUrl');
    if (dates.shippedAt !== undefined) shipment.shippedAt = dates.shippedAt;
    if (status?.delivered || dates.deliveredAt !== undefined) shipment.deliveredAt ??= dates.deliveredAt ?? now;
  }

  const checked = parseOrder(order);
  if (checked.ok) return { ok: true, order: checked.order };
  for (const issue of checked.refusal.issues) {
    const field = fieldOfPath(issue.path);
    const key = rowKeyOf(issue.key);
    const params: Record<string, string | number> = {};
    if (key === 'csv.row.tooLong' && field) {
      params.max = MAX_LENGTH[field] ?? 0;
      params.length = cell(field).length;
    } else if (field) params.value = quote(cell(field));
    problems.push({ field, column: columnOf(field), key, params });
  }
  return { ok: false, problems };
}
