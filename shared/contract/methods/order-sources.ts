import { z } from 'zod';
import { method } from '../define';
import { CSV_FIELDS, type CsvField } from '../../domain/csv-fields';
import { saveWooSettingsSchema, type WooConnectionError, type WooSettingsView } from '../../settings/woocommerce';
import type { RefusalIssue } from '../../domain/refused-order';
import type { FieldIssue } from '../envelope';

/** CSV content as the renderer can send it (it cannot read paths in the browser). ~5 MB of file. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;

const csvFile = {
  /** The file itself: text as read, or base64 of the raw bytes (lets the core detect the encoding). */
  content: z.string().min(1).max(Math.ceil((CSV_MAX_BYTES * 4) / 3) + 4, { error: 'validation.csvTooLarge' }),
  contentEncoding: z.enum(['text', 'base64']).default('text'),
  /** `auto` looks at the header line. */
  delimiter: z.enum(['auto', ';', ',', '\t']).default('auto'),
};

export interface CsvPreview {
  columns: string[];
  /** The first rows (up to 10), cells as text. */
  sampleRows: string[][];
  totalRows: number;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  delimiter: ';' | ',' | '\t';
  /** Field → column name, from the header's wording (pt-BR and English). */
  guessedMapping: Partial<Record<CsvField, string>>;
}

/** A row's problem; `row` is the line number in the file (header = 1). */
export interface CsvRowError extends FieldIssue {
  row: number;
}

export interface CsvImportResult {
  /** True when nothing was written (dry run). */
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  /** Ledger events the import recorded. */
  events: number;
  errors: CsvRowError[];
}

export interface EndpointSecretInfo {
  set: boolean;
  last4: string | null;
  /** The full secret, only in the answer that generated it (first use or regenerate). */
  secret: string | null;
  path: '/orders/events';
}

export type WooTestResult =
  | { ok: true; ordersVisible: number; authMode: 'basic' | 'query' }
  | { ok: false; code: WooConnectionError; status: number | null; detail: string | null };

export interface WooSyncSummary {
  /** Orders read and kept (they passed the order schema). */
  seen: number;
  changed: number;
  events: number;
  requests: number;
  /** Orders read but refused, each alone, with why (also listed under "Pedidos recusados"). */
  refused: { externalId: string; number: string | null; issues: RefusalIssue[] }[];
}

const mapping = z.partialRecord(z.enum(CSV_FIELDS), z.string().max(200));

export const orderSourcesMethods = {
  'csv.preview': method(z.object(csvFile).strict()).returns<CsvPreview>(),
  /**
   * `dryRun: true` validates and reports per-row errors, writing nothing (the user may cancel);
   * `dryRun: false` imports every valid row in ONE transaction and still reports the bad ones.
   */
  'csv.import': method(
    z
      .object({
        ...csvFile,
        mapping,
        dryRun: z.boolean().default(true),
        defaultCurrency: z.string().regex(/^[A-Z]{3}$/).default('BRL'),
      })
      .strict(),
  ).returns<CsvImportResult>(),
  /** Masked view of the endpoint's signing secret; generated (and shown once) on first use. */
  'endpoint.info': method(z.object({}).strict()).returns<EndpointSecretInfo>(),
  /** New secret, shown once; the old one stops working at once. */
  'endpoint.regenerateSecret': method(z.object({}).strict()).returns<EndpointSecretInfo>(),
  'woocommerce.getSettings': method(z.object({}).strict()).returns<WooSettingsView>(),
  'woocommerce.saveSettings': method(saveWooSettingsSchema.strict()).returns<WooSettingsView>(),
  /** Never throws for connection problems: answers with a code the UI explains. */
  'woocommerce.testConnection': method(z.object({}).strict()).returns<WooTestResult>(),
  /** One poll now (the dispatcher polls on its own schedule). */
  'woocommerce.syncNow': method(z.object({}).strict()).returns<WooSyncSummary>(),
};
