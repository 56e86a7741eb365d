import { afterEach, describe, expect, it } from 'vitest';
import type { CsvDuplicateChoice } from '../../../../shared/contract/methods/csv';
import { AppError } from '../../contract/app-error';
import { listOrders, loadOrder } from '../order-book';
import { openTempOrdersDb } from '../testing/orders-db';
import { checkCsv, importCsv, previewCsv } from './csv-import';

let handle: ReturnType<typeof openTempOrdersDb>;
afterEach(() => handle?.close());
const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);

const mapping = { number: 'Pedido', customerName: 'Cliente', phone: 'Telefone', total: 'Total' };
const HEADER = 'Pedido;Cliente;Telefone;Total';
const csv = (rows: string[], duplicates: CsvDuplicateChoice = 'skip') => ({
  content: [HEADER, ...rows].join('\n'),
  contentEncoding: 'text' as const,
  delimiter: 'auto' as const,
  mapping,
  duplicates,
  defaultCurrency: 'BRL',
});
const text = (content: string) => ({ content, contentEncoding: 'text' as const, delimiter: 'auto' as const });
const bytes = (data: number[] | Buffer) => ({ content: Buffer.from(data).toString('base64'), contentEncoding: 'base64' as const, delimiter: 'auto' as const });

/** The `csv.file.*` issue a whole-file problem is reported with. */
function fileIssue(run: () => unknown): { key: string; params: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const issues = (error as AppError).details as { issues: { path: string; key: string; params: Record<string, unknown> }[] };
    expect(issues.issues).toHaveLength(1);
    expect(issues.issues[0]?.path).toBe('content');
    return { key: issues.issues[0]?.key ?? '', params: issues.issues[0]?.params ?? {} };
  }
  throw new Error('expected a file problem');
}

describe('CSV duplicates within one file', () => {
  const rows = [
    '1001;Ana Lima;(11) 98765-4321;10,00', // line 2
    '1002;Bruno Reis;(11) 98765-4322;20,00', // line 3
    '1001;Ana Lima Souza;(11) 98765-4321;15,00', // line 4: same number, different data
    '1003;Carla Dias;(11) 98765-4323;30,00', // line 5
    '1003;Carla Dias;(11) 98765-4323;30,00', // line 6: an exact copy of line 5
  ];

  it('are flagged, never silently overwritten: by default the disagreeing lines are all skipped until the owner picks', async () => {
    handle = openTempOrdersDb();
    const check = checkCsv(handle.db, csv(rows), NOW);
    expect(check.duplicates).toEqual([
      { number: '1001', lines: [2, 4], identical: false, keptLine: null },
      { number: '1003', lines: [5, 6], identical: true, keptLine: 5 },
    ]);
    expect(check.counts).toEqual({ rows: 5, create: 2, update: 0, unchanged: 0, duplicates: 3, refused: 0 });
    const done = await importCsv(handle.db, csv(rows), NOW);
    expect(done.counts).toEqual(check.counts);
    expect(loadOrder(handle.db, 'csv', '1001')).toBeNull();
    expect(listOrders(handle.db, { page: 1, pageSize: 10 }).total).toBe(2);
  });

  it.each([
    ['first', 2, 'Ana Lima', 1000],
    ['last', 4, 'Ana Lima Souza', 1500],
  ] as const)('keep the %s line: that line is imported, the other counted as a duplicate', async (choice, keptLine, name, total) => {
    handle = openTempOrdersDb();
    const check = checkCsv(handle.db, csv(rows, choice), NOW);
    expect(check.duplicates[0]).toEqual({ number: '1001', lines: [2, 4], identical: false, keptLine });
    expect(check.counts).toEqual({ rows: 5, create: 3, update: 0, unchanged: 0, duplicates: 2, refused: 0 });
    const done = await importCsv(handle.db, csv(rows, choice), NOW);
    expect(done.counts).toEqual(check.counts);
    expect(loadOrder(handle.db, 'csv', '1001')?.order).toMatchObject({ customerName: name, totalMinor: total });
  });

  it('a kept line that is invalid is refused, and the other line is still a duplicate (not imported behind the owner)', () => {
    handle = openTempOrdersDb();
    const check = checkCsv(handle.db, csv(['1001;Ana;(11) 1234;10', '1001;Ana;(11) 98765-4321;10'], 'first'), NOW);
    expect(check.counts).toEqual({ rows: 2, create: 0, update: 0, unchanged: 0, duplicates: 1, refused: 1 });
    expect(check.refused[0]).toMatchObject({ line: 2, number: '1001' });
  });
});

describe('CSV problems of the whole file, in words', () => {
  it('an empty file (or only blank lines) is said as such, as text or bytes', () => {
    for (const input of [text(''), text('\n \r\n;;\n'), bytes([]), bytes([0xef, 0xbb, 0xbf])]) {
      expect(fileIssue(() => previewCsv(input))).toEqual({ key: 'csv.file.empty', params: {} });
    }
  });

  it('a header without rows names the header line', () => {
    expect(fileIssue(() => previewCsv(text('\n\nPedido;Cliente\n\n')))).toEqual({ key: 'csv.file.noRows', params: { line: 3 } });
  });

  it('an unclosed quote is refused with the line where it opens, counting lines inside earlier quoted cells', () => {
    const file = ['Pedido;Cliente;Obs', '1;Ana;"linha um', 'linha dois"', '2;Bia;ok', '3;"Caio;sem fim', '4;Davi;x'].join('\r\n');
    expect(fileIssue(() => previewCsv(text(file)))).toEqual({ key: 'csv.file.unclosedQuote', params: { line: 5 } });
    expect(fileIssue(() => previewCsv(text('Pedido;Cliente\n1;Ana\n2;"Bia" Souza\n3;Caio')))).toEqual({ key: 'csv.file.badQuote', params: { line: 3 } });
  });

  it('rows keep their own line numbers when a quoted cell spans lines', () => {
    handle = openTempOrdersDb();
    const file = [HEADER, '1001;"Ana\nLima";(11) 98765-4321;10', '1002;Bia;(11) 1234;10'].join('\n');
    const check = checkCsv(handle.db, { ...csv([]), content: file }, NOW);
    expect(check.refused.map((r) => r.line)).toEqual([4]);
  });

  it('Excel workbooks, binary files and UTF-16 are recognised', () => {
    expect(fileIssue(() => previewCsv(bytes([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toMatchObject({ key: 'csv.file.spreadsheet' });
    expect(fileIssue(() => previewCsv(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])))).toMatchObject({ key: 'csv.file.spreadsheet' });
    expect(fileIssue(() => previewCsv(bytes([0x41, 0x00, 0x42, 0x00, 0x0a, 0x00])))).toMatchObject({ key: 'csv.file.notText' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Pedido\tCliente\r\n1\tJoão\r\n', 'utf16le')]);
    expect(previewCsv(bytes(utf16))).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', columns: ['Pedido', 'Cliente'], sampleRows: [['1', 'João']] });
  });

  it('a file too large is said with its limit in MB', () => {
    expect(fileIssue(() => previewCsv(text('x'.repeat(5 * 1024 * 1024 + 1))))).toEqual({ key: 'csv.file.tooLarge', params: { maximumMb: 5 } });
  });
});

describe('CSV columns', () => {
  it('the preview names the required fields it could not find, with the columns it did find', () => {
    const preview = previewCsv(text('Código;Comprador;Valor\n1;Ana;10'));
    expect(preview).toMatchObject({ columns: ['Código', 'Comprador', 'Valor'], missingRequired: ['number'], guessedMapping: { customerName: 'Comprador', total: 'Valor' } });
  });

  it('an import without a required column, or naming a column the file lacks, says which, with the columns found', () => {
    handle = openTempOrdersDb();
    const run = (m: Record<string, string>) => {
      try {
        checkCsv(handle.db, { ...csv(['1;Ana;11987654321;10']), mapping: m }, NOW);
      } catch (error) {
        return (error as AppError).details;
      }
      return null;
    };
    expect(run({ customerName: 'Cliente' })).toEqual({
      issues: [{ path: 'mapping.number', key: 'csv.mapping.required', params: { field: 'number', columns: 'Pedido, Cliente, Telefone, Total' } }],
    });
    expect(run({ ...mapping, phone: 'Celular' })).toEqual({
      issues: [{ path: 'mapping.phone', key: 'csv.mapping.unknownColumn', params: { field: 'phone', column: 'Celular', columns: 'Pedido, Cliente, Telefone, Total' } }],
    });
  });

  it('repeated and blank header names are told apart so each can be mapped', () => {
    expect(previewCsv(text('Data;Data;;Cliente\n1;2;3;4')).columns).toEqual(['Data', 'Data (2)', '#3', 'Cliente']);
  });
});

describe('CSV rows through the one order schema', () => {
  it('a 200,000-character customer name is refused with the form limit (and the owner column name), the rest imported', async () => {
    handle = openTempOrdersDb();
    const rows = [`1001;${'x'.repeat(200_000)};(11) 98765-4321;10`, '1002;Bia;(11) 98765-4322;10'];
    const done = await importCsv(handle.db, csv(rows), NOW);
    expect(done.counts).toMatchObject({ create: 1, refused: 1 });
    expect(done.refused).toEqual([
      { line: 2, number: '1001', problems: [{ field: 'customerName', column: 'Cliente', key: 'csv.row.tooLong', params: { max: 120, length: 200_000 } }] },
    ]);
    expect(loadOrder(handle.db, 'csv', '1001')).toBeNull();
  });

  it('money: negatives and absurd amounts refused in words; Brazilian, international and other scripts read', () => {
    handle = openTempOrdersDb();
    const rows = ['1;Ana;;-5,00', '2;Bia;;(10,00)', '3;Caio;;999.999.999.999.999,00', '4;Davi;;1e400', '5;Eva;;１.２３４,５６', '6;Fabi;;1,234.56', '7;Gil;;١٠'];
    const check = checkCsv(handle.db, csv(rows), NOW);
    expect(check.refused.map((r) => [r.line, r.problems[0]?.key])).toEqual([
      [2, 'csv.row.amountNegative'],
      [3, 'csv.row.amountNegative'],
      [4, 'csv.row.amountTooLarge'],
      [5, 'csv.row.badAmount'],
    ]);
    expect(check.counts).toMatchObject({ create: 3, refused: 4 });
  });

  it('currency: a known ISO code or a symbol; anything Intl cannot format is refused', async () => {
    handle = openTempOrdersDb();
    const file = { ...csv([]), content: ['Pedido;Cliente;Moeda', '1;Ana;usd', '2;Bia;R$', '3;Caio;XYZ', '4;Davi;'].join('\n'), mapping: { number: 'Pedido', customerName: 'Cliente', currency: 'Moeda' } };
    const done = await importCsv(handle.db, file, NOW);
    expect(done.refused).toEqual([{ line: 4, number: '3', problems: [{ field: 'currency', column: 'Moeda', key: 'csv.row.badCurrency', params: { value: 'XYZ' } }] }]);
    expect(['1', '2', '4'].map((n) => loadOrder(handle.db, 'csv', n)?.order.currency)).toEqual(['USD', 'BRL', 'BRL']);
  });

  it('phones with any script digits reach the same WhatsApp number', async () => {
    handle = openTempOrdersDb();
    await importCsv(handle.db, csv(['1;Ana;（１１） ９８７６５-４３２１;10', '2;Bia;+٥٥ ١١ ٩٨٧٦٥ ٤٣٢١;10']), NOW);
    expect(loadOrder(handle.db, 'csv', '1')?.phoneE164).toBe('+5511987654321');
    expect(loadOrder(handle.db, 'csv', '2')?.phoneE164).toBe('+5511987654321');
  });

  it('a row with more filled cells than the header (an unquoted separator inside a value) is refused, not shifted', () => {
    handle = openTempOrdersDb();
    const check = checkCsv(handle.db, csv(['1;Ana;11987654321;10;extra']), NOW);
    expect(check.refused).toEqual([{ line: 2, number: '1', problems: [{ field: null, column: null, key: 'csv.row.extraCells', params: { cells: 5, columns: 4 } }] }]);
  });

  it('control characters and bidi overrides in names are cleaned, not stored', async () => {
    handle = openTempOrdersDb();
    await importCsv(handle.db, csv(['1;"Ana\tLima\u202e";11987654321;10']), NOW);
    expect(loadOrder(handle.db, 'csv', '1')?.order.customerName).toBe('Ana Lima');
  });
});

describe('CSV large files', () => {
  it('10,000 rows are previewed and checked quickly, then imported in chunks with progress', async () => {
    handle = openTempOrdersDb();
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i + 1};Cliente ${i + 1};(11) 98765-${String(i % 10_000).padStart(4, '0')};1.234,56`);
    const input = csv(rows);
    const started = performance.now();
    expect(previewCsv(input).totalRows).toBe(10_000);
    expect(checkCsv(handle.db, input, NOW).counts).toMatchObject({ rows: 10_000, create: 10_000 });
    const checkMs = performance.now() - started;
    console.log(`preview+check of 10,000 rows: ${Math.round(checkMs)} ms`);
    // "Well under a few seconds" on a normal PC; generous here because the test machine is shared.
    expect(checkMs).toBeLessThan(15_000);
    const progress: number[] = [];
    const done = await importCsv(handle.db, input, NOW, { onProgress: (n, total) => progress.push(n / total) });
    expect(done.counts.create).toBe(10_000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect(listOrders(handle.db, { page: 1, pageSize: 1 }).total).toBe(10_000);
  }, 600_000);
});
