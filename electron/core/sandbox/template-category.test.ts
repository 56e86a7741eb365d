import { afterEach, describe, expect, it } from 'vitest';
import { readWebhook, type WebhookItem } from '../webhook/payload';
import { DEMO } from './demo-world';
import { verifyWebhookSignature } from './signing';
import { createTestSandbox } from './testing/test-world';
import { startWebhookReceiver } from './testing/webhook-receiver';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function setup() {
  const sandbox = createTestSandbox();
  const receiver = await startWebhookReceiver({ verifyToken: 'v' });
  open.push(sandbox, receiver);
  await sandbox.control.setAppCallback({ url: receiver.url(), verifyToken: 'v' });
  const control = (body: unknown) =>
    sandbox.app.request(`/_sandbox/templates/category`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const listed = async (name: string) => {
    const response = await sandbox.app.request(`/v23.0/${DEMO.wabaId}/message_templates?name=${name}`, { headers: { authorization: `Bearer ${DEMO.accessToken}` } });
    return ((await response.json()) as { data: Record<string, unknown>[] }).data[0];
  };
  const categoryItems = () =>
    receiver.posts.flatMap((p) => readWebhook(JSON.parse(p.raw.toString())).filter((i): i is Extract<WebhookItem, { kind: 'template_category' }> => i.kind === 'template_category'));
  return { sandbox, receiver, control, listed, categoryItems };
}

describe('Sandbox: Meta re-categorises a template (control API)', () => {
  it('moves UTILITY → MARKETING: the list shows category and previous_category, the app gets the signed completed webhook', async () => {
    const { receiver, control, listed, categoryItems } = await setup();
    expect(await listed('pedido_confirmado')).not.toHaveProperty('previous_category');

    const response = await control({ name: 'pedido_confirmado', language: 'pt_BR', category: 'MARKETING' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ category: 'MARKETING', previousCategory: 'UTILITY' });
    expect(await listed('pedido_confirmado')).toMatchObject({ category: 'MARKETING', previous_category: 'UTILITY' });

    await receiver.waitFor(() => categoryItems().length === 1);
    const post = receiver.posts.find((p) => p.raw.includes('template_category_update'))!;
    expect(verifyWebhookSignature(post.raw, String(post.headers['x-hub-signature-256']), DEMO.appSecret)).toBe(true);
    const body = JSON.parse(post.raw.toString()) as { entry: { id: string; changes: { field: string; value: Record<string, unknown> }[] }[] };
    expect(body.entry[0]?.id).toBe(DEMO.wabaId);
    expect(body.entry[0]?.changes[0]).toEqual({
      field: 'template_category_update',
      value: {
        message_template_id: expect.any(Number),
        message_template_name: 'pedido_confirmado',
        message_template_language: 'pt_BR',
        previous_category: 'UTILITY',
        new_category: 'MARKETING',
      },
    });
  });

  it('an impending change only notifies (correct_category, new_category = the current one); nothing changes yet', async () => {
    const { receiver, control, listed, categoryItems } = await setup();
    expect((await control({ name: 'pedido_enviado', language: 'pt_BR', category: 'MARKETING', impending: true })).status).toBe(200);
    await receiver.waitFor(() => categoryItems().length === 1);
    expect(categoryItems()[0]?.value).toMatchObject({ correct_category: 'MARKETING', new_category: 'UTILITY', category_update_timestamp: expect.any(Number) });
    expect(await listed('pedido_enviado')).toMatchObject({ category: 'UTILITY' });
  });

  it('refuses in words: an unknown template, a template not approved, the same category, an unknown category', async () => {
    const { sandbox, control } = await setup();
    const message = async (body: unknown) => {
      const response = await control(body);
      return { status: response.status, body: (await response.json()) as { error?: { message?: string } } };
    };
    expect(await message({ name: 'nao_existe', language: 'pt_BR', category: 'MARKETING' })).toMatchObject({ status: 404 });
    sandbox.control.setTemplateStatus({ name: 'pedido_entregue', language: 'pt_BR', status: 'PAUSED' });
    expect((await message({ name: 'pedido_entregue', language: 'pt_BR', category: 'MARKETING' })).body.error?.message).toContain('approved templates only');
    expect((await message({ name: 'pedido_enviado', language: 'pt_BR', category: 'UTILITY' })).body.error?.message).toContain('already UTILITY');
    expect((await message({ name: 'pedido_enviado', language: 'pt_BR', category: 'PROMO' })).status).toBe(400);
  });
});
