import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_SETTINGS, type TemplateMapping } from '../../../shared/settings/templates';
import { DEMO } from '../sandbox/demo-world';
import { testWorld } from '../sandbox/testing/test-world';
import { createInboundContactsRepository } from '../webhook/inbound-contacts-repository';
import { MINUTE, makeOrder, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();

/** Recado's real webhook server (on the real clock: it commits as in the app), as the Sandbox's app callback. */
async function startWebhook(harness: DispatcherHarness) {
  const { createWebhookService } = await import('../webhook/webhook-service');
  harness.ctx.secrets.set('verifyToken', 'verify-token-for-tests-1234');
  const realClock = { now: () => Date.now(), setTimeout: (cb: () => void, ms: number) => { const t = setTimeout(cb, ms); return { cancel: () => clearTimeout(t) }; } };
  const webhook = createWebhookService({ ...harness.ctx, clock: realClock });
  const server = await webhook.start(0);
  await harness.sandbox.control.setAppCallback({ url: `${server.localUrl}/webhook/whatsapp`, verifyToken: 'verify-token-for-tests-1234' });
  return webhook;
}

const shipped = (i: number, code: string, patch = {}) =>
  makeOrder(i, {
    status: 'completed',
    shipments: [{ id: code, carrier: 'Correios', trackingNumber: code, trackingUrl: null, shippedAt: T0 - MINUTE, deliveredAt: null }],
    ...patch,
  });

describe('template content', () => {
  it('positional defaults: first name, order number, R$ total, carrier, tracking code and URL from the carrier pattern', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.addOrder(makeOrder(1, { customerName: '  João  da Silva', totalMinor: 123456 }));
    h.addOrder(shipped(2, 'QR123456789BR'));
    h.dispatcher.start();
    await h.runUntil(() => h.sent().length === 2);
    const [placed, shipment] = h.sent();
    expect(placed!.rendered).toContain('Olá João,\nSeu pedido #1001 foi confirmado!');
    expect(placed!.rendered).toContain('💰 Total: R$ 1.234,56');
    expect(shipment!.rendered).toContain('🚚 Transportadora: Correios');
    expect(shipment!.rendered).toContain('📋 Código de rastreio: QR123456789BR');
    expect(shipment!.rendered).toContain('🔗 Rastreie em: https://rastreamento.correios.com.br/app/index.php?objetos=QR123456789BR');
    const row = h.rows<{ content_kind: string; template_name: string; template_language: string; template_params_json: string; wa_id: string }>(
      "SELECT content_kind, template_name, template_language, template_params_json, wa_id FROM notifications WHERE order_number = ? AND type = 'shipment_created'",
      '1002',
    )[0]!;
    expect(row).toMatchObject({ content_kind: 'template', template_name: 'pedido_enviado', template_language: 'pt_BR', wa_id: '5511981000002' });
    expect(JSON.parse(row.template_params_json)).toEqual((shipment!.request as { template: { components: unknown } }).template.components);
  });

  it('named template with a text header and a URL button carrying the tracking code; media header template', async () => {
    const world = testWorld(T0);
    world.templates.push({
      id: '1689556908129999',
      wabaId: DEMO.wabaId,
      name: 'rastreio_nomeado',
      language: 'pt_BR',
      category: 'UTILITY',
      status: 'APPROVED',
      parameterFormat: 'NAMED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Pedido {{order_id}}' },
        { type: 'BODY', text: 'Oi {{first_name}}, seu pedido saiu com {{carrier}} em {{shipped_on}}.' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Rastrear', url: 'https://rastreio.example/{{1}}' }] },
      ],
    });
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 }, sandbox: { world } });
    const named: TemplateMapping = {
      templateName: 'rastreio_nomeado',
      language: '',
      header: { kind: 'text', params: [{ name: 'order_id', value: { kind: 'field', field: 'order_number' } }] },
      body: [
        { name: 'carrier', value: { kind: 'field', field: 'carrier' } },
        { name: 'first_name', value: { kind: 'field', field: 'customer_first_name' } },
        { name: 'shipped_on', value: { kind: 'field', field: 'shipped_date' } },
      ],
      buttons: [{ index: 0, param: { name: '1', value: { kind: 'field', field: 'tracking_number' } } }],
      previewText: 'Oi {{first_name}}',
    };
    const document: TemplateMapping = {
      templateName: 'nota_fiscal',
      language: 'pt_BR',
      header: { kind: 'media', format: 'document', link: 'https://loja.example/nf/1001.pdf', filename: 'nota.pdf' },
      body: [
        { name: '1', value: { kind: 'field', field: 'customer_first_name' } },
        { name: '2', value: { kind: 'field', field: 'order_number' } },
      ],
      buttons: [{ index: 0, param: { name: '1', value: { kind: 'field', field: 'order_number' } } }],
      previewText: '',
    };
    h.settings.templates.set({ ...DEFAULT_TEMPLATES_SETTINGS, events: { ...DEFAULT_TEMPLATES_SETTINGS.events, shipment_created: named, order_placed: document } });
    // Shipped at 01:30 UTC on the 28th = 22:30 on the 27th in São Paulo.
    h.addOrder(shipped(1, 'AA123456785BR', { shipments: [{ id: 'AA123456785BR', carrier: 'Correios', trackingNumber: 'AA123456785BR', trackingUrl: null, shippedAt: Date.UTC(2026, 4, 28, 1, 30), deliveredAt: null }] }));
    h.addOrder(makeOrder(2));
    h.dispatcher.start();
    await h.runUntil(() => h.sent().length === 2);
    const byName = Object.fromEntries(h.sent().map((m) => [m.template?.name, m]));
    expect(byName.rastreio_nomeado!.rendered).toBe('Pedido 1001\n\nOi Maria, seu pedido saiu com Correios em 27/05/2026.');
    const components = (byName.rastreio_nomeado!.request as { template: { components: unknown[] } }).template.components;
    expect(components).toContainEqual({ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'AA123456785BR' }] });
    expect(components).toContainEqual({ type: 'header', parameters: [{ type: 'text', text: '1001', parameter_name: 'order_id' }] });
    const doc = (byName.nota_fiscal!.request as { template: { components: unknown[] } }).template.components;
    expect(doc[0]).toEqual({ type: 'header', parameters: [{ type: 'document', document: { link: 'https://loja.example/nf/1001.pdf', filename: 'nota.pdf' } }] });
    expect(byName.nota_fiscal!.rendered).toBe('Olá Maria, segue a nota do pedido #1002.');
    // Order 1 was first seen shipped: its placed/processing events are stale (superseded).
    expect(h.rows("SELECT type FROM notifications WHERE status != 'sent' AND reason != 'superseded'")).toEqual([]);
  });
});

describe('24-hour rule (templates off)', () => {
  it('plain text inside the window; the template outside it; skipped without a template', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    const events = { ...DEFAULT_TEMPLATES_SETTINGS.events, order_processing: { ...DEFAULT_TEMPLATES_SETTINGS.events.order_processing, templateName: '' } };
    h.settings.templates.set({ ...DEFAULT_TEMPLATES_SETTINGS, useTemplates: false, events });
    const contacts = createInboundContactsRepository(h.db);
    // Customer 1 wrote 2 h ago (the webhook records Meta's wa_id, here without the 9th digit).
    contacts.recordInbound({ waId: '551181000001', at: T0 - 120 * MINUTE, wamid: 'wamid.in1' }, T0);
    // Customer 2 wrote 25 h ago: window closed.
    contacts.recordInbound({ waId: '5511981000002', at: T0 - 25 * 60 * MINUTE, wamid: 'wamid.in2' }, T0);
    h.addOrder(makeOrder(1));
    h.addOrder(makeOrder(2));
    h.addOrder(makeOrder(3, { status: 'processing' }));
    h.addOrder(makeOrder(4, { status: 'processing' }));
    contacts.recordInbound({ waId: '5511981000004', at: T0 - MINUTE, wamid: 'wamid.in4' }, T0);
    h.dispatcher.start();
    await h.runUntilTime(T0 + 10 * MINUTE);
    const sent = Object.fromEntries(h.sent().map((m) => [m.input, m]));
    expect(sent[phoneOf(1)]).toMatchObject({ type: 'text' });
    expect(sent[phoneOf(1)]!.rendered).toContain('Olá Maria,\nSeu pedido #1001 foi confirmado!\n\n💰 Total: R$ 1.234,56');
    expect(sent[phoneOf(1)]!.rendered).toContain('Obrigado pela preferência!');
    expect(sent[phoneOf(2)]).toMatchObject({ type: 'template', template: { name: 'pedido_confirmado' } });
    // Order 3: placed was superseded by processing; processing has no template and no window.
    const rows = h.rows<{ order_number: string; type: string; status: string; reason: string | null; content_kind: string | null }>(
      "SELECT order_number, type, status, reason, content_kind FROM notifications WHERE order_number IN ('1003', '1004') ORDER BY id",
    );
    expect(rows).toEqual([
      { order_number: '1003', type: 'order_placed', status: 'skipped', reason: 'superseded', content_kind: null },
      { order_number: '1003', type: 'order_processing', status: 'skipped', reason: 'window_closed_no_template', content_kind: null },
      { order_number: '1004', type: 'order_placed', status: 'skipped', reason: 'superseded', content_kind: null },
      { order_number: '1004', type: 'order_processing', status: 'sent', reason: null, content_kind: 'text' },
    ]);
  });

  it('the window as the webhook records it from a customer message injected into the Sandbox', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.settings.templates.set({ ...DEFAULT_TEMPLATES_SETTINGS, useTemplates: false });
    const webhook = await startWebhook(h);
    try {
      h.sandbox.control.injectInbound({ from: '5511981000001', text: 'Oi, meu pedido?' });
      const contacts = createInboundContactsRepository(h.db);
      for (let i = 0; i < 200 && contacts.lastInboundAt(phoneOf(1)) === null; i++) {
        // The Sandbox delivers on its (driven) clock; the webhook commits on the real one.
        h.clock.advanceToNext();
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(contacts.isInServiceWindow(phoneOf(1), T0)).toBe(true);
      h.addOrder(makeOrder(1));
      h.addOrder(makeOrder(2));
      h.dispatcher.start();
      await h.runUntil(() => h.sent().length === 2);
      expect(Object.fromEntries(h.sent().map((m) => [m.input, m.type]))).toEqual({ [phoneOf(1)]: 'text', [phoneOf(2)]: 'template' });
    } finally {
      await webhook.stop();
    }
  });

  it('a text Meta later fails by webhook as outside the window (131047) is sent again as the template', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    h.settings.templates.set({ ...DEFAULT_TEMPLATES_SETTINGS, useTemplates: false });
    const webhook = await startWebhook(h);
    try {
      // Our record says the customer wrote an hour ago; Meta (the Sandbox) never saw that message.
      createInboundContactsRepository(h.db).recordInbound({ waId: '5511981000001', at: T0 - 60 * MINUTE, wamid: 'wamid.in1' }, T0);
      h.addOrder(makeOrder(1));
      h.dispatcher.start();
      expect(await h.runUntil(() => h.sent().length === 2)).toBe(true);
      expect(h.sent().map((m) => [m.input, m.type])).toEqual([
        [phoneOf(1), 'text'],
        [phoneOf(1), 'template'],
      ]);
      const rows = h.rows<{ id: number; status: string; error_code: number | null; content_kind: string; resend_of: number | null; reason: string | null }>(
        'SELECT id, status, error_code, content_kind, resend_of, reason FROM notifications ORDER BY id',
      );
      expect(rows[0]).toMatchObject({ status: 'failed', error_code: 131047, content_kind: 'text', resend_of: null });
      expect(rows[1]).toMatchObject({ content_kind: 'template', resend_of: rows[0]!.id });
      expect(['sent', 'delivered', 'read']).toContain(rows[1]!.status);
      expect(rows).toHaveLength(2);
    } finally {
      await webhook.stop();
    }
  });
});
