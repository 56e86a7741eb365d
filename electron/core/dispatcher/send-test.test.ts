import { describe, expect, it } from 'vitest';
import { DEMO } from '../sandbox/demo-world';
import { dispatchHandlers } from './handlers';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();

const call = (fn: () => unknown) => Promise.resolve().then(fn);

describe('dispatch.sendTest against the Sandbox', () => {
  it('sends the event template rendered with a sample order, or a text, and answers the wamid; outside the queue', async () => {
    const h = await harnesses.open();
    const handlers = dispatchHandlers(h.ctx, h.dispatcher);
    const template = await handlers['dispatch.sendTest']({ phone: DEMO.customers.maria.dial, event: 'shipment_created' });
    expect(template).toMatchObject({ kind: 'template', to: '+5511987654321', messageId: expect.stringMatching(/^wamid\./) as string });
    const text = await handlers['dispatch.sendTest']({ phone: '(11) 98888-7777', text: 'Teste do Recado' });
    expect(text).toMatchObject({ kind: 'text', to: '+5511988887777', waId: '551188887777' });
    const sent = h.sent();
    expect(sent.map((m) => [m.type, m.template?.name ?? null])).toEqual([
      ['template', 'pedido_enviado'],
      ['text', null],
    ]);
    expect(sent[0]!.rendered).toContain('📋 Código de rastreio:');
    expect(sent[1]!.rendered).toBe('Teste do Recado');
    expect(h.rows('SELECT id FROM notifications')).toEqual([]);
  });

  it('refuses a bad phone with the field and its sentence key; a Meta refusal carries the reason key and Meta\'s code', async () => {
    const h = await harnesses.open();
    const handlers = dispatchHandlers(h.ctx, h.dispatcher);
    await expect(call(() => handlers['dispatch.sendTest']({ phone: '(11) 3333-4444', text: 'oi' }))).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'phone', key: 'validation.phone.landline' }] },
    });
    h.sandbox.control.addFault({ match: 'messages', code: 131030, times: 1 });
    await expect(call(() => handlers['dispatch.sendTest']({ phone: DEMO.customers.maria.dial, event: 'order_placed' }))).rejects.toMatchObject({
      code: 'meta_error',
      details: { key: 'dispatch.reason.test_number', code: 131030, reason: 'test_number' },
    });
    expect(h.sent()).toEqual([]);
  });
});
