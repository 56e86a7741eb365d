import { afterEach, describe, expect, it } from 'vitest';
import { eventsOfOrder } from '../event-ledger';
import { listOrders, loadOrder } from '../order-book';
import { openTempOrdersDb } from '../testing/orders-db';
import { detectDelimiter } from './csv-file';
import { checkCsv, importCsv, previewCsv } from './csv-import';
import { parseAmount, parseDate, parseStatus } from './csv-values';

let handle: ReturnType<typeof openTempOrdersDb>;
afterEach(() => handle?.close());
const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);

/** What Excel on a Brazilian Windows writes with "CSV (separado por vírgulas)": `;` and Windows-1252. */
function windows1252(text: string): string {
  const bytes = Uint8Array.from([...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code > 255) throw new Error(`not latin-1: ${ch}`);
    return code;
  }));
  return Buffer.from(bytes).toString('base64');
}

const HEADER = 'Pedido;Cliente;Celular;Valor total;Situação;Data do pedido;Código de rastreio;Transportadora';
const GOOD = [
  '1001;João Conceição;(11) 98765-4321;1.234,56;Pendente;05/11/2026;;',
  '1002;Ana Lima;11 8765-4321;99,90;Pago;06/11/2026 14:30;;',
  '1003;Zé Ninguém;+55 21 99876-5432;10;Enviado;07/11/2026;AA123456785BR;Correios',
  '1004;Márcia;;"2.000,00";Cancelado;08/11/2026;;',
];

describe('CSV values', () => {
  it.each([
    ['1.234,56', 123456], ['1234,56', 123456], ['R$ 1.234,56', 123456], ['99,9', 9990], ['10', 1000],
    ['1234.56', 123456], ['1,234.56', 123456], ['1.234', 123400], ['0,05', 5],
  ])('amount %s', (text, minor) => expect(parseAmount(text)).toBe(minor));
  it.each(['1,2,3', 'abc', '12,345', '-5,00', '1.23.4', ''])('bad amount %j', (text) => expect(parseAmount(text)).toBeNull());
  it.each([
    ['50.000', 'PYG', 50000], ['50000', 'PYG', 50000], ['2.190', 'JPY', 2190], ['10', 'USD', 1000],
  ])('amount %s in %s', (text, currency, minor) => expect(parseAmount(text, currency)).toBe(minor));

  it('dates dd/mm/aaaa in Brasília time, ISO too; impossible dates refused', () => {
    expect(parseDate('05/11/2026')).toBe(Date.UTC(2026, 10, 5, 3));
    expect(parseDate('5/11/2026 14:30')).toBe(Date.UTC(2026, 10, 5, 17, 30));
    expect(parseDate('2026-11-05')).toBe(Date.UTC(2026, 10, 5, 3));
    expect(parseDate('2026-11-05T10:00:00Z')).toBe(Date.UTC(2026, 10, 5, 10));
    for (const bad of ['31/02/2026', '11/2026', '2026/11/05', '05/13/2026', 'ontem', '05/11/26']) expect(parseDate(bad), bad).toBeNull();
  });

  it('status words in pt-BR and English, accents and case ignored', () => {
    expect(parseStatus('CONCLUÍDO')).toMatchObject({ status: 'completed' });
    expect(parseStatus('Em trânsito')).toMatchObject({ status: 'completed', shipped: true });
    expect(parseStatus('entregue')).toMatchObject({ delivered: true });
    expect(parseStatus('refunded')).toMatchObject({ status: 'refunded' });
    expect(parseStatus('extraviado')).toBeNull();
  });

  it('detects the separator from the header, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('CSV preview', () => {
  it('reads Windows-1252 with `;` and guesses the mapping from Portuguese headers', () => {
    const preview = previewCsv({ content: windows1252([HEADER, ...GOOD].join('\r\n')), contentEncoding: 'base64', delimiter: 'auto' });
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';', totalRows: 4 });
    expect(preview.columns[4]).toBe('Situação');
    expect(preview.sampleRows[0]?.[1]).toBe('João Conceição');
    expect(preview.guessedMapping).toEqual({
      number: 'Pedido', customerName: 'Cliente', phone: 'Celular', total: 'Valor total', status: 'Situação',
      createdAt: 'Data do pedido', trackingNumber: 'Código de rastreio', carrier: 'Transportadora',
    });
  });

  it('reads UTF-8 with a BOM (bytes or text) and plain UTF-8 with `,`', () => {
    const csv = 'Order number,Customer name,Phone,Total\n"1,5",Ana,11987654321,"1,234.56"\n';
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]).toString('base64');
    const fromBytes = previewCsv({ content: bom, contentEncoding: 'base64', delimiter: 'auto' });
    expect(fromBytes).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', columns: ['Order number', 'Customer name', 'Phone', 'Total'] });
    expect(fromBytes.sampleRows[0]).toEqual(['1,5', 'Ana', '11987654321', '1,234.56']);
    expect(previewCsv({ content: `\uFEFF${csv}`, contentEncoding: 'text', delimiter: 'auto' }).encoding).toBe('utf-8-bom');
    expect(previewCsv({ content: Buffer.from('Pedido;Cliente\n1;Zé\n').toString('base64'), contentEncoding: 'base64', delimiter: 'auto' })).toMatchObject({
      encoding: 'utf-8',
      sampleRows: [['1', 'Zé']],
    });
  });

});

describe('CSV import', () => {
  const mapping = {
    number: 'Pedido', customerName: 'Cliente', phone: 'Celular', total: 'Valor total', status: 'Situação',
    createdAt: 'Data do pedido', trackingNumber: 'Código de rastreio', carrier: 'Transportadora',
  };
  const BAD = [
    '2001;Carlos;(11) 1234;10,00;Pendente;05/11/2026;;',
    '2002;Beatriz;(11) 98765-0000;1.234.56;Pendente;05/11/2026;;',
    '2003;Diego;(11) 98765-0001;10,00;Extraviado;05/11/2026;;',
    '2004;Eva;(11) 98765-0002;10,00;Pendente;31/02/2026;;',
  ];
  const file = (rows: string[]) => ({
    content: windows1252([HEADER, ...rows].join('\r\n')),
    contentEncoding: 'base64' as const,
    delimiter: 'auto' as const,
    mapping,
    duplicates: 'skip' as const,
    defaultCurrency: 'BRL',
  });

  it('reads totals in the import’s currency: in guaraníes "10" is 10 and "2.000,00" is 2000 (no centavos)', async () => {
    handle = openTempOrdersDb();
    await importCsv(handle.db, { ...file([GOOD[2], GOOD[3]] as string[]), defaultCurrency: 'PYG' }, NOW);
    expect(loadOrder(handle.db, 'csv', '1003')?.order).toMatchObject({ totalMinor: 10, currency: 'PYG' });
    expect(loadOrder(handle.db, 'csv', '1004')?.order).toMatchObject({ totalMinor: 2000, currency: 'PYG' });
  });

  it('with half the rows bad: refuses each with its line, column and reason; imports the good half; the check writes nothing', async () => {
    handle = openTempOrdersDb();
    const { db } = handle;
    const rows = [GOOD[0], BAD[0], GOOD[1], BAD[1], GOOD[2], BAD[2], GOOD[3], BAD[3], ';;;;;;;'] as string[];
    const check = checkCsv(db, file(rows), NOW);
    expect(check).toMatchObject({ dryRun: true, events: null, counts: { rows: 8, create: 4, update: 0, unchanged: 0, duplicates: 0, refused: 4 } });
    expect(check.refused).toEqual([
      { line: 3, number: '2001', problems: [{ field: 'phone', column: 'Celular', key: 'csv.row.badPhone', params: { value: '(11) 1234', reason: 'too_short' } }] },
      { line: 5, number: '2002', problems: [{ field: 'total', column: 'Valor total', key: 'csv.row.badAmount', params: { value: '1.234.56' } }] },
      { line: 7, number: '2003', problems: [{ field: 'status', column: 'Situação', key: 'csv.row.unknownStatus', params: { value: 'Extraviado' } }] },
      { line: 9, number: '2004', problems: [{ field: 'createdAt', column: 'Data do pedido', key: 'csv.row.badDate', params: { value: '31/02/2026' } }] },
    ]);
    // The owner cancelled after the check: nothing was written.
    expect(listOrders(db, { page: 1, pageSize: 100 }).total).toBe(0);

    const done = await importCsv(db, file(rows), NOW);
    expect(done).toMatchObject({ dryRun: false, counts: check.counts, refused: check.refused });
    expect(done.events).toBe(['1001', '1002', '1003', '1004'].flatMap((n) => eventsOfOrder(db, 'csv', n)).length);
    expect(listOrders(db, { page: 1, pageSize: 100 }).total).toBe(4);
    expect(loadOrder(db, 'csv', '1001')).toMatchObject({
      phoneE164: '+5511987654321',
      order: { customerName: 'João Conceição', totalMinor: 123456, status: 'pending', createdAt: Date.UTC(2026, 10, 5, 3) },
    });
    expect(loadOrder(db, 'csv', '1002')).toMatchObject({ phoneE164: '+5511987654321', order: { status: 'processing', totalMinor: 9990 } });
    expect(loadOrder(db, 'csv', '1003')?.order.shipments).toEqual([
      { id: 'AA123456785BR', carrier: 'Correios', trackingNumber: 'AA123456785BR', trackingUrl: null, shippedAt: NOW, deliveredAt: null },
    ]);
    expect(eventsOfOrder(db, 'csv', '1004').map((e) => e.event)).toEqual(['order_cancelled']);
    expect(loadOrder(db, 'csv', '2001')).toBeNull();
  });

  it('a later file updates status and tracking of imported orders; the same file again is unchanged; events fire once', async () => {
    handle = openTempOrdersDb();
    const { db } = handle;
    await importCsv(db, file([GOOD[0] as string]), NOW);
    const update = ['1001;João Conceição;;;Enviado;;QB111111115BR;Jadlog'];
    expect(checkCsv(db, file(update), NOW + 1000).existing).toEqual([{ line: 2, number: '1001', outcome: 'update' }]);
    const first = await importCsv(db, file(update), NOW + 1000);
    expect(first).toMatchObject({ counts: { create: 0, update: 1 }, events: 2 });
    const again = await importCsv(db, file(update), NOW + 2000);
    expect(again).toMatchObject({ counts: { rows: 1, create: 0, update: 0, unchanged: 1 }, events: 0, existing: [{ line: 2, number: '1001', outcome: 'unchanged' }] });
    expect(loadOrder(db, 'csv', '1001')?.order).toMatchObject({ status: 'completed', totalMinor: 123456, phone: '(11) 98765-4321', updatedAt: NOW + 1000 });
    expect(eventsOfOrder(db, 'csv', '1001').map((e) => `${e.event}:${e.subId}`)).toEqual([
      'order_placed:',
      'order_processing:',
      'shipment_created:QB111111115BR',
    ]);
  });
});
