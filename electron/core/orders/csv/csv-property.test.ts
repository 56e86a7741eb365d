import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvImportResult } from '../../../../shared/contract/methods/csv';
import { isKnownCurrency } from '../../../../shared/domain/order-schema';
import { AppError } from '../../contract/app-error';
import { listOrders, loadOrder } from '../order-book';
import { openTempOrdersDb } from '../testing/orders-db';
import { parseCsvFile } from './csv-file';
import { checkCsv, importCsv, previewCsv } from './csv-import';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let handle: ReturnType<typeof openTempOrdersDb>;
beforeAll(() => {
  handle = openTempOrdersDb();
});
afterAll(() => handle.close());

/** Only whole-file or mapping problems may leave preview/check, as a validation error with its keys. */
function expectExplainedRefusal(error: unknown) {
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('validation');
  const issues = (appError.details as { issues: { key: string }[] }).issues;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) expect(issue.key).toMatch(/^csv\.(file|mapping)\.\w+$/);
}

function expectCountsAddUp(result: CsvImportResult, rows: number) {
  const { counts } = result;
  expect(counts.rows).toBe(rows);
  expect(counts.create + counts.update + counts.unchanged + counts.duplicates + counts.refused).toBe(counts.rows);
  for (const refused of result.refused) expect(refused.problems.length).toBeGreaterThan(0);
}

/** A generated file imported as text, repeated order numbers skipped, BRL where no currency is given. */
function importText(content: string, delimiter: ';' | 'auto', mapping: Parameters<typeof importCsv>[1]['mapping']) {
  return importCsv(handle.db, { content, contentEncoding: 'text', delimiter, mapping, duplicates: 'skip', defaultCurrency: 'BRL' }, NOW);
}

function expectBookIsSane() {
  for (const { order } of listOrders(handle.db, { page: 1, pageSize: 10_000, source: 'csv' }).rows) {
    expect(Number.isFinite(order.totalMinor)).toBe(true);
    expect(order.totalMinor).toBeGreaterThanOrEqual(0);
    expect(isKnownCurrency(order.currency)).toBe(true);
    expect(order.customerName.length).toBeLessThanOrEqual(120);
  }
}

/** Cells a shop's spreadsheet has, and worse: numbers that repeat, amounts, phones, any Unicode, separators, quotes, newlines. */
const cell = fc.oneof(
  fc.constantFrom('1', '2', '3', '1001', ' 1001 ', ''),
  fc.constantFrom('Ana Lima', 'João', 'x'.repeat(130), '\u202eEvil', 'Zé\tda Silva'),
  fc.constantFrom('(11) 98765-4321', '１１９８７６５４３２１', '+55 21 99876-5432', '123', '٠١١ ٩٨٧٦٥ ٤٣٢١'),
  fc.constantFrom('1.234,56', '-5,00', '1e400', '99999999999999999999', 'R$ 10', '10.5', 'NaN', '(3,00)'),
  fc.constantFrom('BRL', 'usd', 'R$', 'XYZ', '€', 'Enviado', 'entregue', '31/02/2026', '05/11/2026', '2026-11-05T10:00:00Z'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(';', ',', '\t', '"', '\n', '\r\n', 'a', ' '), maxLength: 6 }),
);

/** A header from the usual names (and junk), rows of arbitrary cells, any separator, quoted or not. */
const csvFile = fc
  .record({
    header: fc.shuffledSubarray(['Pedido', 'Cliente', 'Telefone', 'Total', 'Moeda', 'Situação', 'Data', 'Rastreio', 'Obs'], { minLength: 1 }),
    rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 15 }),
    delimiter: fc.constantFrom(';', ',', '\t'),
    newline: fc.constantFrom('\n', '\r\n'),
    quoting: fc.constantFrom('always', 'needed', 'never'),
    blankLines: fc.boolean(),
  })
  .map(({ header, rows, delimiter, newline, quoting, blankLines }) => {
    const quote = (c: string) =>
      quoting === 'always' || (quoting === 'needed' && /[;,\t"\r\n]/.test(c)) ? `"${c.replace(/"/g, '""')}"` : c;
    const lines = [header, ...rows].map((cells) => cells.map(quote).join(delimiter));
    return lines.join(blankLines ? `${newline}${newline}` : newline);
  });

/** CSV-ish text with no structure at all. */
const csvText = fc.oneof(
  { weight: 3, arbitrary: csvFile },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(';', ',', '\t', '"', '\n', '\r', 'Pedido', 'Cliente', '1', '-'), fc.string({ unit: 'grapheme', maxLength: 2 })), maxLength: 80 }),
  },
);

/** A plausible file's bytes with some bytes overwritten (a bad download, a wrong encoding). */
const corruptedBytes = fc
  .tuple(csvFile, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }))
  .map(([file, flips]) => {
    const data = new Uint8Array(Buffer.from(file, 'utf8'));
    for (const [at, byte] of flips) if (data.length > 0) data[at % data.length] = byte;
    return data;
  });

async function previewCheckImport(input: { content: string; contentEncoding: 'text' | 'base64' }) {
  const file = { ...input, delimiter: 'auto' as const };
  let columns: string[];
  let rows: number;
  try {
    const preview = previewCsv(file);
    columns = preview.columns;
    rows = parseCsvFile(file).rows.length;
    expect(preview.totalRows).toBe(rows);
  } catch (error) {
    expectExplainedRefusal(error);
    return;
  }
  // Map the first columns to the required fields, and the rest to whatever fields they fall on.
  const fields = ['number', 'customerName', 'total', 'currency', 'phone', 'status', 'createdAt'] as const;
  const mapping = Object.fromEntries(columns.slice(0, fields.length).map((column, i) => [fields[i], column]));
  for (const duplicates of ['skip', 'first', 'last'] as const) {
    const options = { ...file, mapping, duplicates, defaultCurrency: 'BRL' };
    try {
      const check = checkCsv(handle.db, options, NOW);
      expectCountsAddUp(check, rows);
      const done = await importCsv(handle.db, options, NOW);
      expectCountsAddUp(done, rows);
      // The check said what the import then did.
      expect(done.counts).toEqual(check.counts);
    } catch (error) {
      expectExplainedRefusal(error);
    }
  }
  expectBookIsSane();
}

describe('CSV import with arbitrary input', () => {
  it('arbitrary CSV text never throws out of preview/check/import, counts add up, the book stays sane', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (content) => {
        await previewCheckImport({ content, contentEncoding: 'text' });
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('arbitrary bytes (as the screen sends a file) never throw either', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), corruptedBytes), async (data) => {
        await previewCheckImport({ content: Buffer.from(data).toString('base64'), contentEncoding: 'base64' });
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('arbitrary total and currency cells never store a non-finite amount or an unknown currency', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.double().map(String), fc.bigInt().map(String), fc.constantFrom('NaN', 'Infinity', '-0', '1e309', 'BRL', 'btc', 'R$', 'XTS'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), async (cells) => {
        const lines = cells.map(([total, currency]) => `${++n};Cliente;"${total.replace(/"/g, '""')}";"${currency.replace(/"/g, '""')}"`);
        const done = await importText(['Pedido;Cliente;Total;Moeda', ...lines].join('\n'), ';', { number: 'Pedido', customerName: 'Cliente', total: 'Total', currency: 'Moeda' });
        expectCountsAddUp(done, lines.length);
        expectBookIsSane();
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});

type Bad = { cells: [string, string, string, string]; field: string };
const badRow = (number: string): fc.Arbitrary<Bad> =>
  fc.oneof(
    fc.constant<Bad>({ cells: [number, '', '(11) 98765-4321', '10,00'], field: 'customerName' }),
    fc.constant<Bad>({ cells: [number, 'x'.repeat(121), '(11) 98765-4321', '10,00'], field: 'customerName' }),
    fc.constantFrom('(11) 1234', 'abc', '123456789012345678901').map<Bad>((phone) => ({ cells: [number, 'Ana', phone, '10,00'], field: 'phone' })),
    fc.constantFrom('-1,00', '1.2.3', 'dez reais', '99999999999999999999').map<Bad>((total) => ({ cells: [number, 'Ana', '(11) 98765-4321', total], field: 'total' })),
  );
const goodRow = (number: string) =>
  fc.record({
    name: fc.string({ unit: fc.constantFrom('a', 'b', 'Ç', 'ã', ' ', 'Z'), minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    cents: fc.integer({ min: 0, max: 10_000_000 }),
  }).map(({ name, cents }) => ({ cells: [number, name, '(11) 98765-4321', `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`] as const, name: name.trim().replace(/\s{2,}/g, ' '), cents }));

describe('a mixed file', () => {
  let batch = 0;
  it('imports every valid row and refuses each invalid one with its line and a reason on the right column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }).chain((kinds) => {
        batch++;
        return fc.tuple(...kinds.map((good, i) => (good ? goodRow(`M${batch}-${i}`).map((g) => ({ good: true as const, ...g })) : badRow(`M${batch}-${i}`).map((b) => ({ good: false as const, ...b })))));
      }), async (rows) => {
        const quoteCell = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const content = ['Pedido;Cliente;Telefone;Total', ...rows.map((r) => r.cells.map(quoteCell).join(';'))].join('\r\n');
        const done = await importText(content, 'auto', { number: 'Pedido', customerName: 'Cliente', phone: 'Telefone', total: 'Total' });
        expectCountsAddUp(done, rows.length);
        expect(done.counts.create).toBe(rows.filter((r) => r.good).length);
        rows.forEach((row, i) => {
          const stored = loadOrder(handle.db, 'csv', row.cells[0]);
          if (row.good) {
            expect(stored?.order).toMatchObject({ customerName: row.name, totalMinor: row.cents });
          } else {
            expect(stored).toBeNull();
            const refused = done.refused.find((r) => r.line === i + 2);
            expect(refused?.problems.map((p) => p.field)).toContain(row.field);
            for (const p of refused?.problems ?? []) expect(p.key).toMatch(/^csv\.row\.\w+$/);
          }
        });
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
