import { afterEach, describe, expect, it } from 'vitest';
import { CSW_CHARGED_SINCE } from '../../../shared/domain/pricing';
import { createDrivenClock } from '../dispatcher/testing/driven-clock';
import { readWebhook } from '../webhook/payload';
import { DEMO } from './demo-world';
import { createTestSandbox } from './testing/test-world';
import { startWebhookReceiver } from './testing/webhook-receiver';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

/** The `pricing` of the `sent` receipt of one message sent at `at`, to a customer whose window is open or not. */
async function pricingOf(at: number, message: 'utility' | 'text', windowOpen: boolean) {
  const clock = createDrivenClock(at);
  const sandbox = createTestSandbox({ clock, quirks: { skipDelivered: 0, reorder: 0, duplicate: 0, batch: 0 } });
  const receiver = await startWebhookReceiver({ verifyToken: 'v' });
  open.push(sandbox, receiver);
  await sandbox.control.setAppCallback({ url: receiver.url(), verifyToken: 'v' });
  sandbox.control.setWindow({ waId: DEMO.customers.maria.waId, open: windowOpen });
  const body =
    message === 'utility'
      ? { type: 'template', template: { name: 'pedido_entregue', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: ['Maria', '1', '2'].map((text) => ({ type: 'text', text })) }] } }
      : { type: 'text', text: { body: 'Seu pedido saiu para entrega' } };
  const response = await sandbox.app.request(`/v27.0/${DEMO.phoneNumberId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messaging_product: 'whatsapp', to: DEMO.customers.maria.waId, ...body }),
  });
  expect(response.status).toBe(200);
  const priced = () =>
    receiver.posts.flatMap((p) => readWebhook(JSON.parse(p.raw.toString())).flatMap((e) => (e.kind === 'status' && e.status.status === 'sent' ? [e.status.pricing] : [])));
  for (let i = 0; i < 50 && priced().length === 0; i++) {
    clock.advanceToNext();
    await new Promise((r) => setTimeout(r, 20));
  }
  return priced()[0];
}

describe('Sandbox pricing (Meta’s 2026 receipts)', () => {
  const before = CSW_CHARGED_SINCE - 10 * 86_400_000;
  const since = CSW_CHARGED_SINCE + 10 * 86_400_000;

  it('a utility template inside the window was free before 2026-10-01 and is regular, billable since', async () => {
    expect(await pricingOf(before, 'utility', true)).toEqual({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' });
    expect(await pricingOf(since, 'utility', true)).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  });

  it('a utility template outside the window is regular; a service message inside it is free_customer_service', async () => {
    expect(await pricingOf(before, 'utility', false)).toMatchObject({ billable: true, type: 'regular', category: 'utility' });
    expect(await pricingOf(since, 'text', true)).toEqual({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' });
  });
});
