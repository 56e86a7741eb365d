import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_EVENTS } from '../../../shared/settings/events';
import { T0 } from '../dispatcher/testing/dispatcher-harness';
import { dispatcherHarnesses } from '../dispatcher/testing/dispatcher-harnesses';
import { DEMO } from '../sandbox/demo-world';
import { templatesHandlers } from './handlers';
import { createMessageTemplateRepository } from './message-template-repository';

const harnesses = dispatcherHarnesses();

describe('templates.list: synced', () => {
  it('is false on a fresh install and when only a status webhook wrote a row; true after a sync', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    expect(await handlers['templates.list']({})).toEqual({ synced: false, templates: [] });

    // Meta tells about a template before any sync: a row without components is not a sync.
    createMessageTemplateRepository(h.db).applyStatusUpdate(
      { wabaId: DEMO.wabaId, templateId: '999', name: 'pedido_entregue', language: 'pt_BR', category: 'UTILITY', status: 'PAUSED', reason: null },
      T0,
    );
    const webhookOnly = await handlers['templates.list']({});
    expect(webhookOnly.synced).toBe(false);
    expect(webhookOnly.templates.map((t) => t.name)).toEqual(['pedido_entregue']);

    await handlers['templates.sync']({});
    const synced = await handlers['templates.list']({});
    expect(synced.synced).toBe(true);
    expect(synced.templates.length).toBeGreaterThanOrEqual(8);
  });
});

describe('templates.refusedEvents', () => {
  it('says nothing before the first sync, even though every template would look missing', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    // The dry run itself does see the missing template: the rule is "not before a sync", not "no problem".
    expect((await handlers['templates.dryRun']({ event: 'order_placed' })).problems).not.toEqual([]);
    expect(await handlers['templates.refusedEvents']({})).toEqual([]);
  });

  it('names the enabled event Meta would refuse, with Meta\'s code; not when it is off or templates are off', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    await h.sandbox.control.setTemplateStatus({ name: 'pedido_entregue', language: 'pt_BR', status: 'PAUSED' });
    await handlers['templates.sync']({});

    const refused = await handlers['templates.refusedEvents']({});
    expect(refused.map((r) => r.event)).toEqual(['shipment_delivered']);
    expect(refused[0]).toMatchObject({ templateName: 'pedido_entregue', language: 'pt_BR' });
    expect(refused[0]?.problems.map((p) => p.code)).toContain(132015);
    // The same answer the per-event dry run gives.
    expect(refused[0]?.problems).toEqual((await handlers['templates.dryRun']({ event: 'shipment_delivered' })).problems);

    h.ctx.settings.events.set({ ...DEFAULT_NOTIFICATION_EVENTS, shipment_delivered: false });
    expect(await handlers['templates.refusedEvents']({})).toEqual([]);

    h.ctx.settings.events.set(DEFAULT_NOTIFICATION_EVENTS);
    expect(await handlers['templates.refusedEvents']({})).toHaveLength(1);
    h.ctx.settings.templates.set({ ...h.ctx.settings.templates.get(), useTemplates: false });
    expect(await handlers['templates.refusedEvents']({})).toEqual([]);
  });

  it('fails the call when a check fails, instead of saying nothing is wrong', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    await handlers['templates.sync']({});
    // A broken stored template (components that are not JSON) makes the check itself fail.
    h.db.$client.prepare("UPDATE message_templates SET components_json = '{not json' WHERE name = 'pedido_confirmado'").run();
    await expect(async () => handlers['templates.refusedEvents']({})).rejects.toThrow();
  });
});
