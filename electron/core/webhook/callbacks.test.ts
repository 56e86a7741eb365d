import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SETTINGS } from '../../../shared/settings/webhook';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { openDatabase } from '../db/open-database';
import { createNotificationStatusRepository } from '../notifications/notification-status-repository';
import { MIGRATIONS_DIR } from '../testing/temp-core';
import { createInboundContactsRepository, SERVICE_WINDOW_MS } from './inbound-contacts-repository';
import { OPT_OUT_REASON } from '../../../shared/domain/opt-out';
import {
  inboundBody,
  metaJson,
  seedNotification,
  statusBody,
} from './testing/webhook-test-kit';
import { testWebhooks } from './testing/test-webhooks';
import { join } from 'node:path';
import { DATABASE_FILE } from '../platform/paths';

const webhooks = testWebhooks();
const start = (seed?: (dir: string) => void) => webhooks.start(seed);

const status = (id: string, s: string, ts: number, extra: Record<string, unknown> = {}) => ({
  id,
  status: s,
  timestamp: String(ts),
  recipient_id: '5511955551234',
  ...extra,
});
const failed = (id: string, code: number, title: string, ts = 1750000100) =>
  status(id, 'failed', ts, { errors: [{ code, title, message: title, error_data: { details: `details ${code}` } }] });
const text = (from: string, body: string, ts = 1750000000, id = `wamid.in.${Math.random()}`) => ({
  from,
  id,
  timestamp: String(ts),
  type: 'text',
  text: { body },
});

describe('status webhooks', () => {
  it('never move a status backwards: sent → read → delivered stays read, delivered time still kept', async () => {
    const h = await start((d) => seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.A', status: 'sending' }));
    for (const s of [status('wamid.A', 'sent', 1750000000), status('wamid.A', 'read', 1750000060), status('wamid.A', 'delivered', 1750000030)]) {
      expect((await h.post(statusBody([s]))).status).toBe(200);
    }
    expect(h.rows('SELECT status, sent_at, delivered_at, read_at, status_at FROM notifications')).toEqual([
      { status: 'read', sent_at: 1750000000000, delivered_at: 1750000030000, read_at: 1750000060000, status_at: 1750000060000 },
    ]);
    expect(h.server.stats.snapshot().counters).toMatchObject({ statusesApplied: 2, statusesStale: 1 });
  });

  it('accept read without delivered, and ignore a later sent', async () => {
    const h = await start((d) => seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.B', status: 'sent' }));
    await h.post(statusBody([status('wamid.B', 'read', 1750000060), status('wamid.B', 'sent', 1750000000)]));
    expect(h.rows('SELECT status FROM notifications')).toEqual([{ status: 'read' }]);
  });

  it('are idempotent: the same batch twice changes nothing the second time', async () => {
    const h = await start((d) => seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.C', status: 'sent' }));
    const raw = statusBody([
      status('wamid.C', 'delivered', 1750000030, { pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' } }),
    ]);
    expect((await h.post(raw)).status).toBe(200);
    const after = h.dump();
    expect((await h.post(raw)).status).toBe(200);
    const again = h.dump();
    // Only "last callback" moves.
    expect({ ...again, app_state: [] }).toEqual({ ...after, app_state: [] });
    expect(h.rows('SELECT pricing_billable, pricing_type, pricing_category FROM notifications')).toEqual([
      { pricing_billable: 0, pricing_type: 'free_customer_service', pricing_category: 'service' },
    ]);
    expect(h.server.stats.snapshot().counters).toMatchObject({ statusesApplied: 1, statusesDuplicate: 1 });
  });

  it('a permanent failure code blacklists the number sent to, with Meta\'s message and date', async () => {
    const h = await start((d) => seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.D', status: 'sent' }));
    await h.post(statusBody([failed('wamid.D', 131021, 'Recipient cannot be sender', 1750000100)]));
    expect(h.rows('SELECT status, error_code, error_title, error_details FROM notifications')).toEqual([
      { status: 'failed', error_code: 131021, error_title: 'Recipient cannot be sender', error_details: 'details 131021' },
    ]);
    expect(h.rows('SELECT phone, reason, source, added_at FROM blacklist')).toEqual([
      { phone: '+5511955551234', reason: '131021: Recipient cannot be sender', source: 'auto', added_at: 1750000100000 },
    ]);
  });

  it('131026 (undeliverable) blacklists on the second message that hits it, not the first', async () => {
    const h = await start((d) => {
      seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.E1', status: 'sent' });
      seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.E2', status: 'sent' });
    });
    await h.post(statusBody([failed('wamid.E1', 131026, 'Message undeliverable')]));
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    // A retry of the same failure is not a second hit.
    await h.post(statusBody([failed('wamid.E1', 131026, 'Message undeliverable')]));
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    await h.post(statusBody([failed('wamid.E2', 131026, 'Message undeliverable')]));
    expect(h.rows('SELECT phone FROM blacklist')).toEqual([{ phone: '+5511955551234' }]);
  });

  it('failed after delivered keeps delivered', async () => {
    const h = await start((d) => seedNotification(d, { phone: '+5511955551234', wamid: 'wamid.F', status: 'delivered' }));
    await h.post(statusBody([failed('wamid.F', 131049, 'Not delivered for ecosystem engagement')]));
    expect(h.rows('SELECT status FROM notifications')).toEqual([{ status: 'delivered' }]);
  });

  it('an orphan status is applied when the dispatcher later stores the wamid', async () => {
    const h = await start();
    await h.post(statusBody([status('wamid.G', 'delivered', 1750000030), status('wamid.G', 'sent', 1750000000)]));
    expect(h.rows("SELECT count(*) AS n FROM webhook_status_events WHERE outcome = 'orphan'")).toEqual([{ n: 2 }]);
    // The dispatcher's side: its row, then the wamid from Meta's send response.
    const id = seedNotification(h.dir, { phone: '+5511955551234', status: 'sending' });
    const db = openDatabase(join(h.dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
    expect(createNotificationStatusRepository(db).attachWamid(id, 'wamid.G', 1)).toBe(2);
    db.$client.close();
    expect(h.rows('SELECT status, sent_at, delivered_at FROM notifications')).toEqual([
      { status: 'delivered', sent_at: 1750000000000, delivered_at: 1750000030000 },
    ]);
    expect(h.rows("SELECT count(*) AS n FROM webhook_status_events WHERE outcome = 'orphan'")).toEqual([{ n: 0 }]);
  });
});

describe('inbound messages', () => {
  it.each(['PARAR', 'parar', '  Parar!  ', 'sair', 'Stop', 'cancelar.', 'Descadastrar', 'NÃO QUERO', 'nao quero', 'Não  quero'])(
    '"%s" opts the customer out',
    async (body) => {
      const h = await start();
      await h.post(inboundBody([text('5511955551234', body)]));
      expect(h.rows('SELECT phone, reason, source, added_at FROM blacklist')).toEqual([
        { phone: '+5511955551234', reason: OPT_OUT_REASON, source: 'auto', added_at: 1750000000000 },
      ]);
    },
  );

  it.each(['não quero cancelar o pedido', 'parar de enviar?? ok', 'stopp', 'Obrigado!'])('"%s" is not an opt-out', async (body) => {
    const h = await start();
    await h.post(inboundBody([text('5511955551234', body)]));
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
  });

  it('uses the keywords from the settings', async () => {
    const h = await start();
    await h.core.invoke('webhook.saveSettings', { ...DEFAULT_WEBHOOK_SETTINGS, optOutKeywords: ['chega'] });
    await h.post(inboundBody([text('5511955551234', 'PARAR')]));
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    await h.post(inboundBody([text('5511955551234', 'Chega!')]));
    expect(h.rows('SELECT reason FROM blacklist')).toEqual([{ reason: OPT_OUT_REASON }]);
  });

  it('a template quick-reply payload mapped to opt-out blacklists', async () => {
    const h = await start();
    const tap = { from: '5511955551234', id: 'wamid.tap', timestamp: '1750091045', type: 'button', button: { payload: 'STOP_PROMOS', text: 'Não receber mais' } };
    await h.post(inboundBody([tap]));
    expect(h.rows('SELECT * FROM blacklist')).toEqual([]);
    await h.core.invoke('webhook.saveSettings', { ...DEFAULT_WEBHOOK_SETTINGS, optOutButtonPayloads: ['stop_promos'] });
    await h.post(inboundBody([{ ...tap, id: 'wamid.tap2' }]));
    expect(h.rows('SELECT phone, reason FROM blacklist')).toEqual([{ phone: '+5511955551234', reason: OPT_OUT_REASON }]);
  });

  it('keep the newest inbound time per wa_id (the 24-hour window), whatever the arrival order', async () => {
    const h = await start();
    await h.post(inboundBody([text('5511955551234', 'oi', 1750000500, 'wamid.new')], [{ wa_id: '5511955551234', profile: { name: 'Ana' } }]));
    await h.post(inboundBody([text('5511955551234', 'antes', 1750000000, 'wamid.old')]));
    expect(h.rows('SELECT wa_id, last_inbound_at, last_inbound_wamid, profile_name FROM inbound_contacts')).toEqual([
      { wa_id: '5511955551234', last_inbound_at: 1750000500000, last_inbound_wamid: 'wamid.new', profile_name: 'Ana' },
    ]);
    const db = openDatabase(join(h.dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
    const contacts = createInboundContactsRepository(db);
    expect(contacts.isInServiceWindow('+5511955551234', 1750000500000 + SERVICE_WINDOW_MS - 1)).toBe(true);
    expect(contacts.isInServiceWindow('+5511955551234', 1750000500000 + SERVICE_WINDOW_MS)).toBe(false);
    db.$client.close();
  });

  it('a Brazilian wa_id without the 9th digit blocks the number as the shop typed it', async () => {
    const h = await start();
    await h.post(inboundBody([text('551155551234', 'PARAR')]));
    const db = openDatabase(join(h.dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
    const blacklist = createBlacklistRepository(db);
    expect(blacklist.isBlacklisted('+5511955551234')).toBe(true);
    expect(blacklist.isBlacklisted('+5511955559999')).toBe(false);
    // Adding the other form again is a no-op.
    expect(blacklist.add({ phone: '+5511955551234', reason: 'x', source: 'manual', addedAt: 1 }).added).toBe(false);
    db.$client.close();
  });

  it('a sender in full-width or Arabic-Indic digits is the same number; one that is not a number is never stored', async () => {
    const h = await start();
    // "５５１１９５５５５１２３４" is 5511955551234 typed on a full-width keyboard.
    await h.post(inboundBody([text('５５１１９５５５５１２３４', 'PARAR')]));
    await h.post(inboundBody([text('٥٥٢١٩٨٧٦٥٤٣٢١', 'PARAR')]));
    expect(h.rows('SELECT phone FROM blacklist ORDER BY phone')).toEqual([{ phone: '+5511955551234' }, { phone: '+5521987654321' }]);
    expect(h.rows('SELECT wa_id FROM inbound_contacts ORDER BY wa_id')).toEqual([{ wa_id: '5511955551234' }, { wa_id: '5521987654321' }]);
    for (const from of ['１２３', '😀 abc', '55119555５abc1234', '+', '1'.repeat(16)]) {
      const res = await h.post(inboundBody([text(from, 'PARAR')]));
      expect(res.status, from).toBe(200);
    }
    await h.post(metaJson({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'user_preferences', value: { user_preferences: [{ wa_id: '１２３', value: 'stop', timestamp: 1750000000 }] } }] }] }));
    expect(h.rows('SELECT phone FROM blacklist ORDER BY phone')).toEqual([{ phone: '+5511955551234' }, { phone: '+5521987654321' }]);
    expect(h.rows('SELECT count(*) AS n FROM inbound_contacts')).toEqual([{ n: 2 }]);
  });

  it('user_preferences stop/resume are recorded, newest wins', async () => {
    const h = await start();
    const prefs = (value: string, ts: number) =>
      metaJson({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'user_preferences', value: { user_preferences: [{ wa_id: '5511955551234', detail: 'x', category: 'marketing_messages', value, timestamp: ts }] } }] }],
      });
    await h.post(prefs('stop', 1750000000));
    const db = openDatabase(join(h.dir, DATABASE_FILE), { migrationsDir: MIGRATIONS_DIR });
    const contacts = createInboundContactsRepository(db);
    expect(contacts.stoppedMarketing('+5511955551234')).toBe(true);
    await h.post(prefs('resume', 1750000100));
    expect(contacts.stoppedMarketing('+5511955551234')).toBe(false);
    await h.post(prefs('stop', 1750000050)); // late, older
    expect(contacts.stoppedMarketing('+5511955551234')).toBe(false);
    db.$client.close();
  });
});

describe('webhook.status and events', () => {
  it('pushes counters and last callback time, and lists account errors', async () => {
    const h = await start();
    const seen: { name: string; payload: unknown }[] = [];
    h.core.subscribe((name, payload) => seen.push({ name, payload }));
    const raw = metaJson({
      object: 'whatsapp_business_account',
      entry: [{ id: '9', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '77' }, errors: [{ code: 130429, title: 'Rate limit hit' }] } }] }],
    });
    expect((await h.post(raw)).status).toBe(200);
    const answer = await h.core.invoke('webhook.status', {});
    expect(answer).toMatchObject({
      ok: true,
      value: {
        running: true,
        port: h.server.port,
        path: '/webhook/whatsapp',
        appSecretSet: true,
        verifyTokenSet: true,
        lastCallbackAt: expect.any(Number),
        counters: { received: 1, accepted: 1, accountErrors: 1 },
        accountErrors: [{ code: 130429, title: 'Rate limit hit' }],
      },
    });
    expect(seen.find((e) => e.name === 'webhook.activity')).toBeDefined();
  });
});
