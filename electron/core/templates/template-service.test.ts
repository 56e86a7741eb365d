import { describe, expect, it } from 'vitest';
import { ORDER_EVENTS } from '../../../shared/domain/order-events';
import { formatDate, orderFieldValue, renderTemplate, sampleOrder } from '../../../shared/domain/template-render';
import { DEFAULT_TEMPLATES_SETTINGS, type TemplateMapping } from '../../../shared/settings/templates';
import { DEFAULT_TRACKING_SETTINGS } from '../../../shared/settings/tracking';
import { makeOrder, T0 } from '../dispatcher/testing/dispatcher-harness';
import { dispatcherHarnesses } from '../dispatcher/testing/dispatcher-harnesses';
import { DEMO } from '../sandbox/demo-world';
import { GraphError } from '../whatsapp/graph-error';
import { templatesHandlers } from './handlers';
import { createMessageTemplateRepository } from './message-template-repository';

const harnesses = dispatcherHarnesses();

describe('rendering', () => {
  it('writes money, dates and names the way the shop does', () => {
    const order = { ...sampleOrder(T0), totalMinor: 123456, customerName: 'ana maria  costa' };
    const ctx = { order, event: 'order_placed' as const, subId: '', tracking: DEFAULT_TRACKING_SETTINGS, locale: 'pt-BR', timeZone: 'America/Sao_Paulo' };
    expect(orderFieldValue('order_total', ctx)).toBe('R$ 1.234,56');
    expect(orderFieldValue('order_total_number', ctx)).toBe('1.234,56');
    expect(orderFieldValue('customer_first_name', ctx)).toBe('ana');
    expect(orderFieldValue('order_total', { ...ctx, locale: 'en-US', order: { ...order, currency: 'USD' } })).toBe('$1,234.56');
    expect(formatDate(Date.UTC(2026, 0, 1, 2, 0), 'America/Sao_Paulo')).toBe('31/12/2025');
  });
});

describe('templates contract', () => {
  it('sync pulls every template; dry runs of the defaults pass; mistakes get exactly the Sandbox\'s answer', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    const synced = await handlers['templates.sync']({});
    expect(synced.synced).toBeGreaterThanOrEqual(8);
    expect(synced.templates.find((t) => t.name === 'pedido_enviado')).toMatchObject({ status: 'APPROVED', language: 'pt_BR', parameterFormat: 'POSITIONAL' });
    for (const event of ORDER_EVENTS) {
      const dry = await handlers['templates.dryRun']({ event });
      expect(dry.problems, event).toEqual([]);
    }
    const base = DEFAULT_TEMPLATES_SETTINGS.events.order_placed;
    const mistakes: TemplateMapping[] = [
      { ...base, body: base.body.slice(0, 3) },
      { ...base, templateName: 'nao_existe' },
      { ...base, language: 'pt' },
      { ...base, templateName: 'nota_fiscal', body: base.body.slice(0, 2), buttons: [{ index: 0, param: { name: '1', value: { kind: 'field', field: 'order_number' } } }] },
      { ...base, templateName: 'nota_fiscal', header: { kind: 'media', format: 'image', link: 'https://loja.example/a.png' }, body: base.body.slice(0, 2) },
      { ...base, templateName: 'nota_fiscal', header: { kind: 'media', format: 'document', link: 'https://loja.example/a.pdf' }, body: base.body.slice(0, 2) },
    ];
    const client = await h.ctx.meta.client();
    h.addOrder(makeOrder(1));
    for (const mapping of mistakes) {
      const dry = await handlers['templates.dryRun']({ event: 'order_placed', mapping, orderId: 1 });
      expect(dry.ok).toBe(false);
      const rendered = renderTemplate(DEFAULT_TEMPLATES_SETTINGS, 'order_placed', { order: makeOrder(1), event: 'order_placed', subId: '', tracking: DEFAULT_TRACKING_SETTINGS, locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }, mapping);
      const answer = await client
        .sendTemplate(DEMO.phoneNumberId, { to: '+5511981000001', name: rendered.name, language: rendered.language, components: rendered.components })
        .then(() => null, (e: unknown) => (e instanceof GraphError ? e.meta : null));
      expect(answer, mapping.templateName).not.toBeNull();
      expect(dry.problems[0]).toEqual({ code: answer!.code, details: answer!.details });
    }
    const preview = await handlers['templates.preview']({ event: 'order_placed', orderId: 1 });
    expect(preview.text).toContain('💰 Total: R$ 1.234,56');
    expect(preview.order).toMatchObject({ number: '1001' });
  });

  it('sync forgets templates deleted at Meta, so a recreated one is checked as it is now', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    await handlers['templates.sync']({});
    expect(await handlers['templates.dryRun']({ event: 'order_placed' })).toMatchObject({ ok: true });
    const client = await h.ctx.meta.client();
    await client.deleteTemplate(DEMO.wabaId, { name: 'pedido_confirmado' });
    await client.deleteTemplate(DEMO.wabaId, { name: 'promo_semana' });
    await client.createTemplate(DEMO.wabaId, {
      name: 'pedido_confirmado',
      language: 'pt_BR',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://loja.example/a.png'] } },
        { type: 'BODY', text: 'Olá {{1}}, pedido #{{2}}: R$ {{3}}, envio {{4}}, loja {{5}}.', example: { body_text: [['a', 'b', 'c', 'd', 'e']] } },
      ],
    });
    h.sandbox.control.setTemplateStatus({ name: 'pedido_confirmado', language: 'pt_BR', status: 'APPROVED' });

    const synced = await handlers['templates.sync']({});
    expect(synced.templates.map((t) => t.name)).not.toContain('promo_semana');
    expect(synced.templates.filter((t) => t.name === 'pedido_confirmado')).toHaveLength(1);
    const dry = await handlers['templates.dryRun']({ event: 'order_placed' });
    expect(dry.problems.map((p) => p.code).sort()).toEqual([132000, 132012]);
    expect(dry.problems).toContainEqual({ code: 132000, details: 'body: number of localizable_params (4) does not match the expected number of params (5)' });
  });

  it('a sync keeps the reason a status webhook gave while the status is the same', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    const first = await handlers['templates.sync']({});
    const shipped = first.templates.find((t) => t.name === 'pedido_enviado')!;
    const repo = createMessageTemplateRepository(h.db);
    const update = { wabaId: DEMO.wabaId, templateId: shipped.templateId, name: shipped.name, language: shipped.language, category: null };
    repo.applyStatusUpdate({ ...update, status: 'PAUSED', reason: 'Low quality: customers blocked it' }, T0);
    await h.sandbox.control.setTemplateStatus({ name: 'pedido_enviado', language: 'pt_BR', status: 'PAUSED' });
    const paused = await handlers['templates.sync']({});
    expect(paused.templates.find((t) => t.name === 'pedido_enviado')).toMatchObject({ status: 'PAUSED', statusReason: 'Low quality: customers blocked it' });
    await h.sandbox.control.setTemplateStatus({ name: 'pedido_enviado', language: 'pt_BR', status: 'APPROVED' });
    const approved = await handlers['templates.sync']({});
    expect(approved.templates.find((t) => t.name === 'pedido_enviado')).toMatchObject({ status: 'APPROVED', statusReason: null });
  });

  it('sync failures carry the sentence key for the owner', async () => {
    const h = await harnesses.open({ meta: { account: () => ({ phoneNumberId: DEMO.phoneNumberId, businessAccountId: '', appId: DEMO.appId, apiVersion: 'v23.0' }) } });
    await expect(templatesHandlers(h.ctx)['templates.sync']({})).rejects.toMatchObject({ code: 'unavailable', details: { key: 'templates.sync.noBusinessAccount' } });
    h.sandbox.control.expireToken(DEMO.accessToken);
    const live = templatesHandlers({ ...h.ctx, meta: { ...h.ctx.meta, account: () => ({ phoneNumberId: DEMO.phoneNumberId, businessAccountId: DEMO.wabaId, appId: DEMO.appId, apiVersion: 'v23.0' }) } });
    await expect(live['templates.sync']({})).rejects.toMatchObject({ code: 'meta_error', details: { key: 'meta.problem.token_expired', code: 190 } });
  });

  it('a dry run against a log row or order that is not there names the reason for the owner', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    // The handlers answer synchronously: what they throw is what the contract turns into the envelope.
    const thrown = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(thrown(() => handlers['templates.dryRun']({ event: 'order_placed', notificationId: 999 }))).toMatchObject({ code: 'not_found', details: { key: 'templates.dryRun.notificationMissing' } });
    expect(thrown(() => handlers['templates.dryRun']({ event: 'order_placed', orderId: 999 }))).toMatchObject({ code: 'not_found', details: { key: 'templates.dryRun.orderMissing' } });
  });
});
