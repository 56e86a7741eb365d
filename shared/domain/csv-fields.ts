/** Order fields a CSV column can be mapped to. `number` and `customerName` are required. */
export const CSV_FIELDS = [
  'number',
  'customerName',
  'phone',
  'total',
  'currency',
  'status',
  'createdAt',
  'carrier',
  'trackingNumber',
  'trackingUrl',
  'shippedAt',
  'deliveredAt',
  'cancelReason',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['number', 'customerName'];
