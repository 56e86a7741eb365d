import { describe, expect, it } from 'vitest';
import type { LogDetail, LogPage } from '../../../shared/contract/methods/log';
import { DEFAULT_TEMPLATES_SETTINGS } from '../../../shared/settings/templates';
import { createBlacklistRepository } from '../blacklist/blacklist-repository';
import { MINUTE, makeOrder, phoneOf, T0 } from '../dispatcher/testing/dispatcher-harness';
import { dispatcherHarnesses } from '../dispatcher/testing/dispatcher-harnesses';
import { statusSchema } from '../webhook/payload';
import { createInboundContactsRepository } from '../webhook/inbound-contacts-repository';
import { logHandlers } from './handlers';
import { createNotificationStatusRepository } from '../notifications/notification-status-repository';
import { readableComponents } from './sent-content';

const harnesses = dispatcherHarnesses();

describe('log.get and log.query: what was sent and why not', () => {
  it('rows written by the real dispatcher against the Sandbox: a template, a text, a blacklisted skip, then a 131026 failure from the webhook', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0 } });
    // Templates off: text inside the customer's 24-hour window, the mapped template outside it.
    h.settings.templates.set({ ...DEFAULT_TEMPLATES_SETTINGS, useTemplates: false });
    createInboundContactsRepository(h.db).recordInbound({ waId: '5511981000002', at: T0 - 30 * MINUTE, wamid: 'wamid.in2' }, T0);
    createBlacklistRepository(h.db).add({ phone: phoneOf(3), reason: 'Cliente pediu para sair', source: 'manual', addedAt: T0 - MINUTE });
    h.addOrder(makeOrder(1, { customerName: 'João da Silva', totalMinor: 18990 }));
    h.addOrder(makeOrder(2));
    h.addOrder(makeOrder(3));
    h.dispatcher.start();
    await h.runUntil(() => h.sent().length === 2 && !h.dispatcher.state().busy);

    const handlers = logHandlers(h.ctx);
    const page = (await handlers['log.query']({ filters: {}, page: 1, pageSize: 50 })) as LogPage;
    const byOrder = Object.fromEntries(page.rows.map((r) => [r.orderNumber, r]));
    expect(byOrder['1001']).toMatchObject({ status: 'sent', reason: null });
    expect(byOrder['1002']).toMatchObject({ status: 'sent', reason: null });
    expect(byOrder['1003']).toMatchObject({ status: 'skipped', reason: 'blacklisted', error: 'Cliente pediu para sair' });

    const detail = async (orderNumber: string) => (await handlers['log.get']({ id: byOrder[orderNumber]!.id })) as LogDetail;
    const template = await detail('1001');
    expect(template.content).toEqual({
      kind: 'template',
      name: 'pedido_confirmado',
      language: 'pt_BR',
      components: [
        {
          type: 'body',
          index: null,
          parameters: [
            { name: '1', kind: 'text', value: 'João' },
            { name: '2', kind: 'text', value: '1001' },
            { name: '3', kind: 'text', value: '189,90' },
            // The demo mapping's 4th body parameter: the estimated shipping date.
            { name: '4', kind: 'text', value: expect.any(String) as string },
          ],
        },
      ],
    });
    const sentTemplate = h.sent().find((m) => m.type === 'template')!;
    const bodyParams = (sentTemplate.request as { template: { components: { parameters: { text: string }[] }[] } }).template.components[0]!.parameters;
    expect(template.content?.kind === 'template' && template.content.components[0]!.parameters.map((p) => p.value)).toEqual(bodyParams.map((p) => p.text));

    const text = await detail('1002');
    expect(text.content).toMatchObject({ kind: 'text' });
    expect(text.content?.kind === 'text' && text.content.body).toBe(h.sent().find((m) => m.type === 'text')!.rendered);
    expect(text.content?.kind === 'text' && text.content.body).toContain('Seu pedido #1002 foi confirmado!');

    const skipped = await detail('1003');
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'blacklisted', content: null });

    // Meta's status webhook says the template never arrived: not on WhatsApp (131026).
    const wamid = template.wamid!;
    const update = statusSchema.parse({
      id: wamid,
      status: 'failed',
      timestamp: String(T0 / 1000 + 60),
      recipient_id: '5511981000001',
      errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }],
    });
    expect(createNotificationStatusRepository(h.db).applyStatus(update, T0 + 60_000).outcome).toBe('applied');
    const failed = await detail('1001');
    expect(failed).toMatchObject({
      status: 'failed',
      reason: 'not_on_whatsapp',
      errorCode: 131026,
      errorDetail: { code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' },
      content: { kind: 'template', name: 'pedido_confirmado' },
    });
    const failedPage = (await handlers['log.query']({ filters: { status: 'failed' }, page: 1, pageSize: 50 })) as LogPage;
    expect(failedPage.rows).toMatchObject([{ orderNumber: '1001', reason: 'not_on_whatsapp' }]);
  });
});

describe('readableComponents', () => {
  it('names header, body and button parameters, media by their link; ignores what it cannot read', () => {
    const json = JSON.stringify([
      { type: 'header', parameters: [{ type: 'document', document: { link: 'https://loja.example/nf.pdf', filename: 'nota.pdf' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Maria', parameter_name: 'first_name' }, { type: 'text', text: '1042', parameter_name: 'order_id' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'QR123456789BR' }] },
    ]);
    expect(readableComponents(json)).toEqual([
      { type: 'header', index: null, parameters: [{ name: '1', kind: 'document', value: 'nota.pdf (https://loja.example/nf.pdf)' }] },
      {
        type: 'body',
        index: null,
        parameters: [
          { name: 'first_name', kind: 'text', value: 'Maria' },
          { name: 'order_id', kind: 'text', value: '1042' },
        ],
      },
      { type: 'button', index: 0, parameters: [{ name: '1', kind: 'text', value: 'QR123456789BR' }] },
    ]);
    expect(readableComponents('not json')).toEqual([]);
    expect(readableComponents('{"type":"body"}')).toEqual([]);
    expect(readableComponents(null)).toEqual([]);
  });
});
