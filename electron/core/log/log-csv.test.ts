import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import { LOG_CSV_COLUMNS, type LogCsvPage, type LogCsvWords } from '../../../shared/contract/methods/log';
import { OPT_OUT_REASON } from '../../../shared/domain/opt-out';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { csvLine, dateFormatter, logCsvCells, type LogCsvRow } from './log-csv';

/** The owner's words, as the renderer hands them over in Portuguese (a few reasons are enough here). */
const WORDS: LogCsvWords = {
  headers: ['ID', 'Pedido', 'Telefone', 'Tipo', 'Status', 'Motivo', 'Rastreio', 'Criada em', 'Enviada em', 'Entregue em', 'Lida em', 'Erro da Meta', 'ID da mensagem na Meta', 'Tipo (código)', 'Status (código)', 'Motivo (código)'],
  types: {
    order_placed: 'Pedido realizado',
    order_processing: 'Pedido em processamento',
    shipment_created: 'Envio criado',
    shipment_delivered: 'Envio entregue',
    order_cancelled: 'Pedido cancelado',
    refund_issued: 'Reembolso emitido',
  },
  statuses: { queued: 'Na fila', sending: 'Enviando', sent: 'Enviada', delivered: 'Entregue', read: 'Lida', failed: 'Falhou', skipped: 'Ignorada', unconfirmed: 'Não confirmada' },
  reasons: {
    blacklisted: 'Número na lista de bloqueio.',
    superseded: 'Não enviada: já havia um aviso mais recente deste pedido.',
    invalid_phone: 'O telefone do pedido não é um celular válido para o WhatsApp.',
    not_on_whatsapp: 'Este número não tem WhatsApp.',
  },
  blacklistedDetail: 'Motivo do bloqueio: {{text}}',
  supersededDetail: 'Aviso mais recente: {{event}}',
  optedOut: 'O cliente pediu para sair.',
  phoneProblems: { landline: 'Este é um telefone fixo.' },
};

const T0 = Date.UTC(2026, 4, 28, 17, 0);
const row = (over: Partial<LogCsvRow>): LogCsvRow => ({
  id: 1,
  orderNumber: '10247',
  phone: '+5511987654321',
  type: 'shipment_delivered',
  status: 'read',
  reason: null,
  tracking: null,
  createdAt: T0,
  sentAt: T0,
  deliveredAt: T0,
  readAt: T0,
  error: null,
  errorCode: null,
  wamid: 'wamid.1',
  ...over,
});
const utc = dateFormatter(undefined);
const column = (name: (typeof LOG_CSV_COLUMNS)[number]) => LOG_CSV_COLUMNS.indexOf(name);

describe('logCsvCells', () => {
  it('writes event and status in the owner\'s words, and the machine values in their own columns', () => {
    const cells = logCsvCells(row({}), WORDS, utc);
    expect(cells).toHaveLength(LOG_CSV_COLUMNS.length);
    expect(cells[column('type')]).toBe('Envio entregue');
    expect(cells[column('status')]).toBe('Lida');
    expect(cells[column('reason')]).toBeNull();
    expect(cells[column('typeCode')]).toBe('shipment_delivered');
    expect(cells[column('statusCode')]).toBe('read');
  });

  it('says why a row was skipped in words: the opt-out, the newer event, the phone problem', () => {
    const optedOut = logCsvCells(row({ status: 'skipped', reason: 'blacklisted', error: OPT_OUT_REASON }), WORDS, utc);
    expect(optedOut[column('status')]).toBe('Ignorada');
    expect(optedOut[column('reason')]).toBe('Número na lista de bloqueio. Motivo do bloqueio: O cliente pediu para sair.');
    expect(optedOut[column('error')]).toBeNull();
    expect(optedOut[column('reasonCode')]).toBe('blacklisted');
    expect(optedOut.join(' ')).not.toContain(OPT_OUT_REASON);

    const superseded = logCsvCells(row({ status: 'skipped', reason: 'superseded', error: 'order_cancelled' }), WORDS, utc);
    expect(superseded[column('reason')]).toBe('Não enviada: já havia um aviso mais recente deste pedido. Aviso mais recente: Pedido cancelado');

    const landline = logCsvCells(row({ status: 'skipped', reason: 'invalid_phone', error: 'phone.reason.landline' }), WORDS, utc);
    expect(landline[column('reason')]).toBe('O telefone do pedido não é um celular válido para o WhatsApp. Este é um telefone fixo.');
  });

  it('keeps Meta\'s error of a failed row next to the reason in words; an unknown reason is kept as its code', () => {
    const failed = logCsvCells(row({ status: 'failed', reason: 'not_on_whatsapp', error: '131026 Message undeliverable', errorCode: 131026 }), WORDS, utc);
    expect(failed[column('reason')]).toBe('Este número não tem WhatsApp.');
    expect(failed[column('error')]).toBe('131026 Message undeliverable');
    const unknown = logCsvCells(row({ status: 'failed', reason: 'some_new_reason' }), WORDS, utc);
    expect(unknown[column('reason')]).toBe('some_new_reason');
  });

  it('a queued row\'s reason explains a wait, not a refusal: no words for it', () => {
    expect(logCsvCells(row({ status: 'queued', reason: 'rate_limit' }), WORDS, utc)[column('reason')]).toBeNull();
  });

  it('without words, every cell is the machine value', () => {
    const cells = logCsvCells(row({ status: 'skipped', reason: 'blacklisted', error: OPT_OUT_REASON }), undefined, utc);
    expect(cells[column('type')]).toBe('shipment_delivered');
    expect(cells[column('status')]).toBe('skipped');
    expect(cells[column('reason')]).toBe('blacklisted');
    expect(cells[column('error')]).toBe(OPT_OUT_REASON);
  });

  it('a spreadsheet reads the words safely: a cell with the delimiter is quoted', () => {
    expect(csvLine(['Envio entregue', 'Motivo; com ponto e vírgula'], ';')).toBe('Envio entregue;"Motivo; com ponto e vírgula"\r\n');
  });
});

describe('log.exportCsv with the owner\'s words (real SQLite, through the contract)', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.remove());

  it('writes Portuguese headers, events, statuses and reasons, with the codes in the last columns', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const insert = core.context().db.$client.prepare(
      `INSERT INTO notifications (order_number, phone, type, status, reason, error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('10247', '+5511987654321', 'shipment_delivered', 'read', null, null, T0, T0);
    insert.run('10248', '+5521998765432', 'order_placed', 'skipped', 'blacklisted', OPT_OUT_REASON, T0 + 60_000, T0);
    const answer = (await core.invoke('log.exportCsv', { filters: {}, words: WORDS, timeZone: 'America/Sao_Paulo' })) as Envelope<LogCsvPage>;
    if (!answer.ok) throw new Error(answer.error.message);
    const [header, skipped, read] = answer.value.csv.trimEnd().split('\r\n');
    expect(header).toBe(WORDS.headers.join(';'));
    expect(read).toContain(';Envio entregue;Lida;;');
    expect(read).toMatch(/;shipment_delivered;read;$/);
    expect(skipped).toContain(';Pedido realizado;Ignorada;Número na lista de bloqueio. Motivo do bloqueio: O cliente pediu para sair.;');
    expect(skipped).toMatch(/;order_placed;skipped;blacklisted$/);
    expect(skipped).toContain('28/05/2026 14:01:00');
    await core.close();
  });

  it('refuses words that do not cover every column', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const answer = await core.invoke('log.exportCsv', { filters: {}, words: { ...WORDS, headers: ['Pedido'] } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    await core.close();
  });
});
