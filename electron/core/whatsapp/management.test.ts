import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../sandbox/demo-world';
import type { SandboxHandle } from '../sandbox/server';
import { startTestSandbox } from '../sandbox/testing/test-world';
import { startWebhookReceiver, type WebhookReceiver } from '../sandbox/testing/webhook-receiver';
import { createGraphClient, listAllTemplates, type GraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { readWebhook } from '../webhook/payload';

let sandbox: SandboxHandle;
let receiver: WebhookReceiver;
let client: GraphClient;
const PHONE = DEMO.phoneNumberId;
const WABA = DEMO.wabaId;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver({ verifyToken: 'verify-me' });
  await sandbox.control.setAppCallback({ url: receiver.url('/app'), verifyToken: 'verify-me' });
  client = createGraphClient({ baseUrl: sandbox.baseUrl, apiVersion: 'v21.0', accessToken: () => DEMO.accessToken });
});

afterEach(async () => {
  await sandbox.close();
  await receiver.close();
});

async function code(call: Promise<unknown>): Promise<number | undefined> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GraphError);
  return (error as GraphError).meta?.code;
}

const sendTo = (to: string) =>
  client.sendTemplate(PHONE, { to, name: 'pedido_cancelado', language: 'pt_BR', components: [{ type: 'body', parameters: ['a', 'b', 'c'].map((text) => ({ type: 'text' as const, text })) }] });

describe('phone number', () => {
  it('reads default fields, requested fields, and answers 100/33 for an unknown id', async () => {
    await expect(client.getPhoneNumber(PHONE)).resolves.toEqual({
      id: PHONE,
      display_phone_number: DEMO.displayPhoneNumber,
      verified_name: DEMO.verifiedName,
      quality_rating: 'GREEN',
    });
    await expect(client.getPhoneNumber(PHONE, ['throughput', 'platform_type', 'code_verification_status', 'status'])).resolves.toEqual({
      id: PHONE,
      throughput: { level: 'STANDARD' },
      platform_type: 'CLOUD_API',
      code_verification_status: 'VERIFIED',
      status: 'CONNECTED',
    });
    const error = await client.getPhoneNumber('1234567890987654').catch((e: GraphError) => e);
    expect((error as GraphError).meta).toMatchObject({ code: 100, subcode: 33, type: 'GraphMethodException' });
  });

  it('routes messages by phone override > WABA override > app callback, verifying each URL first; template updates stay on the app callback', async () => {
    const where = async (path: string) => {
      const before = receiver.posts.length;
      await sendTo(DEMO.customers.maria.waId);
      await receiver.waitFor(() => receiver.posts.slice(before).some((p) => p.path === path));
    };
    await where('/app');

    const refused = await client.subscribeApp(WABA, { url: receiver.url('/waba'), verifyToken: 'wrong' }).catch((e: GraphError) => e);
    expect((refused as GraphError).meta).toMatchObject({ code: 2200 });
    await client.subscribeApp(WABA, { url: receiver.url('/waba'), verifyToken: 'verify-me' });
    await where('/waba');
    await client.setPhoneWebhookOverride(PHONE, { url: receiver.url('/phone'), verifyToken: 'verify-me' });
    await where('/phone');

    await expect(client.getPhoneNumber(PHONE, ['webhook_configuration'])).resolves.toEqual({
      id: PHONE,
      webhook_configuration: { phone_number: receiver.url('/phone'), whatsapp_business_account: receiver.url('/waba'), application: receiver.url('/app') },
    });
    await expect(client.getSubscribedApps(WABA)).resolves.toEqual([
      { whatsapp_business_api_data: { id: DEMO.appId, link: expect.any(String), name: DEMO.appName }, override_callback_uri: receiver.url('/waba') },
    ]);
    sandbox.control.setTemplateStatus({ name: 'pedido_enviado', language: 'pt_BR', status: 'PAUSED' });
    await receiver.waitFor(() => receiver.posts.some((p) => p.path === '/app' && p.raw.includes('message_template_status_update')));
    expect(receiver.posts.filter((p) => p.raw.includes('message_template_status_update')).map((p) => p.path)).toEqual(['/app']);

    // A verification GET carried every handshake parameter (the receiver only answers valid ones).
    await client.setPhoneWebhookOverride(PHONE, null);
    await client.subscribeApp(WABA);
    await expect(client.getPhoneNumber(PHONE, ['webhook_configuration'])).resolves.toEqual({ id: PHONE, webhook_configuration: { application: receiver.url('/app') } });
  });

  it('refuses an override before the app is subscribed (#100), and nothing arrives once unsubscribed', async () => {
    await client.unsubscribeApp(WABA);
    await expect(client.getSubscribedApps(WABA)).resolves.toEqual([]);
    const error = await client.subscribeApp(WABA, { url: receiver.url('/waba'), verifyToken: 'verify-me' }).catch((e: GraphError) => e);
    expect((error as GraphError).meta?.message).toMatch(/^\(#100\) Before override the current callback uri, your app must be subscribed/);
    expect(await code(client.setPhoneWebhookOverride(PHONE, { url: receiver.url('/phone'), verifyToken: 'verify-me' }))).toBe(100);
    const before = receiver.posts.length;
    await sendTo(DEMO.customers.maria.waId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.posts.length).toBe(before);
  });

  it('registers with the PIN (133005 on a wrong one), deregisters (then sends answer 133010), and blocks the 11th call in 72 h (133016)', async () => {
    expect(await code(client.register(PHONE, '000000'))).toBe(133005);
    await client.deregister(PHONE);
    expect(await code(sendTo(DEMO.customers.maria.waId))).toBe(133010);
    await client.register(PHONE, DEMO.pin);
    await expect(sendTo(DEMO.customers.maria.waId)).resolves.toBeTruthy();
    for (let i = 3; i < 10; i++) await client.deregister(PHONE);
    expect(await code(client.register(PHONE, DEMO.pin))).toBe(133016);
  });

  it('changes the two-step PIN', async () => {
    await client.setTwoStepPin(PHONE, '654321');
    await client.deregister(PHONE);
    expect(await code(client.register(PHONE, DEMO.pin))).toBe(133005);
    await client.register(PHONE, '654321');
  });
});

describe('WABA', () => {
  it('lists its phone numbers', async () => {
    const page = await client.listPhoneNumbers(WABA);
    expect(page.data.map((p) => p.id)).toEqual([PHONE, '109876543210988', '109876543210989']);
    expect(page.nextCursor).toBeNull();
    const first = await client.listPhoneNumbers(WABA, { limit: 2 });
    expect(first.data).toHaveLength(2);
    const second = await client.listPhoneNumbers(WABA, { limit: 2, after: first.nextCursor! });
    expect(second.data.map((p) => p.id)).toEqual(['109876543210989']);
  });

  it('pages templates by cursor, filters by status, creates (PENDING → APPROVED by webhook) and deletes', async () => {
    const first = await client.listTemplates(WABA, { limit: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const all = await listAllTemplates(client, WABA, { limit: 3 });
    expect(all.map((t) => t.name)).toEqual([
      'pedido_confirmado', 'pedido_em_processamento', 'pedido_enviado', 'pedido_entregue', 'pedido_cancelado', 'reembolso_emitido', 'nota_fiscal', 'promo_semana',
    ]);
    expect(all[0]).toMatchObject({ language: 'pt_BR', status: 'APPROVED', category: 'UTILITY', parameter_format: 'POSITIONAL' });

    const created = await client.createTemplate(WABA, {
      name: 'aviso_atraso',
      language: 'pt_BR',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido #{{2}} vai atrasar.', example: { body_text: [['Ana', '7']] } }],
    });
    expect(created).toMatchObject({ status: 'PENDING', category: 'UTILITY' });
    expect(await code(client.createTemplate(WABA, { name: 'aviso_atraso', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] }))).toBe(100);
    expect(await code(client.createTemplate(WABA, { name: 'Bad Name', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] }))).toBe(100);
    await receiver.waitFor(() => receiver.posts.some((p) => p.raw.includes('aviso_atraso')));
    const update = readWebhook(JSON.parse(receiver.posts.find((p) => p.raw.includes('aviso_atraso'))!.raw.toString()));
    expect(update[0]).toMatchObject({ kind: 'template_status', value: { event: 'APPROVED', message_template_id: created.id } });
    await expect(client.listTemplates(WABA, { status: 'APPROVED', name: 'aviso_atraso' })).resolves.toMatchObject({ data: [{ id: created.id }] });

    await client.deleteTemplate(WABA, { name: 'aviso_atraso' });
    await expect(client.listTemplates(WABA, { name: 'aviso_atraso' })).resolves.toMatchObject({ data: [] });
    expect(await code(client.deleteTemplate(WABA, { name: 'aviso_atraso' }))).toBe(100);
  });

  it('keeps a template the control API held in PENDING while the automatic review approves the others', async () => {
    const body = (name: string) => ({ name, language: 'pt_BR', category: 'UTILITY' as const, components: [{ type: 'BODY', text: `Olá {{1}} (${name})`, example: { body_text: [['Ana']] } }] });
    await client.createTemplate(WABA, body('em_analise'));
    sandbox.control.setTemplateStatus({ name: 'em_analise', language: 'pt_BR', status: 'PENDING' });
    await client.createTemplate(WABA, body('revisado_depois'));
    // The second one was created later, so once its approval arrives the first one's timer has fired too.
    await receiver.waitFor(() => receiver.posts.some((p) => p.raw.includes('revisado_depois') && p.raw.includes('APPROVED')));
    await expect(client.listTemplates(WABA, { name: 'em_analise' })).resolves.toMatchObject({ data: [{ status: 'PENDING' }] });
    await expect(client.listTemplates(WABA, { name: 'revisado_depois' })).resolves.toMatchObject({ data: [{ status: 'APPROVED' }] });
  });

  it('answers 80007 over the management rate limit', async () => {
    sandbox.control.setRateLimits({ managementPerHour: 2 });
    await client.listPhoneNumbers(WABA);
    await client.getSubscribedApps(WABA);
    expect(await code(client.listTemplates(WABA))).toBe(80007);
  });
});
