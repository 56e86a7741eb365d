import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../sandbox/demo-world';
import type { SandboxHandle } from '../sandbox/server';
import { startTestSandbox, TEST } from '../sandbox/testing/test-world';
import { startWebhookReceiver, type WebhookReceiver } from '../sandbox/testing/webhook-receiver';
import { createLogger, memorySink } from '../platform/logger';
import { createGraphClient, type GraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { classifyMetaCode } from './error-classes';
import { readWebhook, type WebhookItem } from '../webhook/payload';

let sandbox: SandboxHandle;
let receiver: WebhookReceiver;
let client: GraphClient;
let token: string;
const sink = memorySink();
const PHONE = DEMO.phoneNumberId;
const WABA = DEMO.wabaId;
const maria = DEMO.customers.maria;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver({ verifyToken: 'verify-me' });
  await sandbox.control.setAppCallback({ url: receiver.url('/app'), verifyToken: 'verify-me' });
  token = DEMO.accessToken;
  client = createGraphClient({ baseUrl: sandbox.baseUrl, apiVersion: 'v23.0', accessToken: () => token, logger: createLogger(sink, 'debug') });
});

afterEach(async () => {
  await sandbox.close();
  await receiver.close();
});

/** Runs `call` and returns the GraphError it must throw. */
async function failure(call: Promise<unknown>): Promise<GraphError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

function events(): WebhookItem[] {
  return receiver.posts.flatMap((p) => readWebhook(JSON.parse(p.raw.toString())));
}
const statusesOf = (id: string) => events().flatMap((e) => (e.kind === 'status' && e.status.id === id ? [e.status] : []));

const body = (...values: string[]) => [{ type: 'body' as const, parameters: values.map((text) => ({ type: 'text' as const, text })) }];

describe('sending', () => {
  it('sends a template, normalizes the wa_id and reports sent → delivered → read with pricing and the opaque data', async () => {
    const result = await client.sendTemplate(PHONE, {
      to: DEMO.customers.joao.dial,
      name: 'pedido_entregue',
      language: 'pt_BR',
      components: body('João', '1042', '15/05/2025'),
      bizOpaqueCallbackData: 'order-1042/shipment_delivered',
    });
    expect(result).toMatchObject({ waId: DEMO.customers.joao.waId, input: DEMO.customers.joao.dial, messageStatus: 'accepted' });
    expect(result.messageId).toMatch(/^wamid\./);
    await receiver.waitFor(() => statusesOf(result.messageId).length === 3);
    const statuses = statusesOf(result.messageId);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses.every((s) => s.biz_opaque_callback_data === 'order-1042/shipment_delivered' && s.recipient_id === DEMO.customers.joao.waId)).toBe(true);
    expect(statuses.map((s) => Boolean(s.pricing))).toEqual([true, true, false]);
    expect(statuses[0]?.pricing).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
    expect(sandbox.control.sent({ to: DEMO.customers.joao.waId })[0]?.rendered).toContain('Olá João,\nSeu pedido #1042 foi entregue!');
  });

  it('sends free-form text inside the window opened by an inbound message, and marks that message read', async () => {
    const inbound = sandbox.control.injectInbound({ from: maria.waId, text: 'Oi, meu pedido chegou?' });
    const result = await client.sendText(PHONE, { to: maria.waId, body: 'Chegou sim, Maria!' });
    expect(result.messageStatus).toBeUndefined();
    await client.markRead(PHONE, inbound.id);
    await receiver.waitFor(() => statusesOf(result.messageId).some((s) => s.status === 'read'));
    expect(statusesOf(result.messageId)[0]?.pricing).toMatchObject({ type: 'free_customer_service', category: 'service', billable: false });
    const error = await failure(client.markRead(PHONE, 'wamid.unknown'));
    expect(error.meta?.code).toBe(100);
  });

  it('accepts free-form text outside the window and then fails it by webhook with 131047 (temporary for the recipient)', async () => {
    const result = await client.sendText(PHONE, { to: maria.dial, body: 'Olá' });
    await receiver.waitFor(() => statusesOf(result.messageId).length === 1);
    const [failed] = statusesOf(result.messageId);
    expect(failed?.status).toBe('failed');
    expect(failed?.pricing).toBeUndefined();
    const code = failed!.errors![0]!.code!;
    expect(code).toBe(131047);
    expect(classifyMetaCode(code).class).toBe('temporary_recipient');
  });

  it('accepts a number that is not on WhatsApp and fails it with 131026 (permanent for the recipient)', async () => {
    const result = await client.sendTemplate(PHONE, { to: DEMO.customers.notOnWhatsApp.dial, name: 'pedido_entregue', language: 'pt_BR', components: body('A', '1', '2') });
    await receiver.waitFor(() => statusesOf(result.messageId).length === 1);
    const code = statusesOf(result.messageId)[0]!.errors![0]!.code!;
    expect(code).toBe(131026);
    expect(classifyMetaCode(code).class).toBe('permanent_recipient');
  });

  it('fails a marketing template to a capped user with 131049: wait at least 24 h', async () => {
    const result = await client.sendTemplate(PHONE, {
      to: `+${TEST.capped}`,
      name: 'promo_semana',
      language: 'pt_BR',
      components: [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'code', text: 'X10' }, { type: 'text', parameter_name: 'first_name', text: 'Ana' }] }],
    });
    await receiver.waitFor(() => statusesOf(result.messageId).length === 1);
    const classified = classifyMetaCode(statusesOf(result.messageId)[0]!.errors![0]!.code!);
    expect(classified).toMatchObject({ class: 'temporary_recipient', reason: 'marketing_cap' });
    expect(classified.waitMs).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it.each([
    ['unknown language (en_US ≠ pt_BR)', { name: 'pedido_entregue', language: 'en_US', components: body('a', 'b', 'c') }, 132001, 'template name (pedido_entregue) does not exist in en_US'],
    ['too few body params', { name: 'pedido_entregue', language: 'pt_BR', components: body('a') }, 132000, 'body: number of localizable_params (1) does not match the expected number of params (3)'],
    ['missing document header', { name: 'nota_fiscal', language: 'pt_BR', components: body('a', 'b') }, 132012, 'header: Format mismatch, expected DOCUMENT, received UNKNOWN'],
  ])('refuses a template send with %s', async (_label, template, code, details) => {
    const error = await failure(client.sendTemplate(PHONE, { to: maria.waId, ...template }));
    expect(error.meta).toMatchObject({ code, details });
    expect(error.meta?.fbtraceId).toMatch(/^[\w-]{23}$/);
    expect(error.classification.class).toBe('config');
  });

  it('checks the dynamic URL button suffix and accepts a complete media template', async () => {
    const header = { type: 'header' as const, parameters: [{ type: 'document' as const, document: { link: 'https://loja.example/nf.pdf' } }] };
    const noButton = await failure(client.sendTemplate(PHONE, { to: maria.waId, name: 'nota_fiscal', language: 'pt_BR', components: [header, ...body('a', 'b')] }));
    expect(noButton.meta).toMatchObject({ code: 132000, details: expect.stringMatching(/^button:/) });
    const button = { type: 'button' as const, sub_type: 'url' as const, index: '0', parameters: [{ type: 'text' as const, text: '1042' }] };
    await expect(client.sendTemplate(PHONE, { to: maria.waId, name: 'nota_fiscal', language: 'pt_BR', components: [header, ...body('a', 'b'), button] })).resolves.toMatchObject({ waId: maria.waId });
  });

  it('refuses paused (132015) and disabled (132016) templates, announcing each change to the app callback', async () => {
    const send = () => client.sendTemplate(PHONE, { to: maria.waId, name: 'pedido_entregue', language: 'pt_BR', components: body('a', 'b', 'c') });
    sandbox.control.setTemplateStatus({ name: 'pedido_entregue', language: 'pt_BR', status: 'PAUSED' });
    expect((await failure(send())).meta?.code).toBe(132015);
    sandbox.control.setTemplateStatus({ name: 'pedido_entregue', language: 'pt_BR', status: 'DISABLED' });
    expect((await failure(send())).meta?.code).toBe(132016);
    await receiver.waitFor(() => events().filter((e) => e.kind === 'template_status').length === 2);
    const updates = events().flatMap((e) => (e.kind === 'template_status' ? [e.value] : []));
    expect(updates.map((u) => u.event)).toEqual(['PAUSED', 'DISABLED']);
    expect(updates[0]).toMatchObject({ message_template_name: 'pedido_entregue', message_template_language: 'pt_BR', message_template_category: 'UTILITY' });
    // Meta sends this id as a JSON integer (unlike every other id); the emulator does too.
    expect(receiver.posts.some((p) => /"message_template_id":\d+/.test(p.raw.toString()))).toBe(true);
  });

  it('answers 130429 over the number throughput and 131056 over the pair limit (both retry)', async () => {
    sandbox.control.setRateLimits({ messagesPerSecond: 2 });
    const send = (to: string) => client.sendTemplate(PHONE, { to, name: 'pedido_entregue', language: 'pt_BR', components: body('a', 'b', 'c') });
    await send('5511911110001');
    await send('5511911110002');
    const throughput = await failure(send('5511911110003'));
    expect(throughput.meta).toMatchObject({ code: 130429, subcode: 2494055, details: 'Cloud API message throughput has been reached.' });
    expect(throughput.classification.class).toBe('retry');

    sandbox.control.setRateLimits({ messagesPerSecond: 1000, pairBurst: 2 });
    await send(maria.waId);
    await send(maria.waId);
    const pair = await failure(send(maria.waId));
    expect(pair.meta?.code).toBe(131056);
    expect(pair.classification.class).toBe('retry');
    await expect(send('5511911110004')).resolves.toBeTruthy();
  });

  it('answers 131030 from a test number outside its allowed list and 131031 from a locked account', async () => {
    const send = (phone: string, to: string) => client.sendTemplate(phone, { to, name: 'pedido_entregue', language: 'pt_BR', components: body('a', 'b', 'c') });
    const notAllowed = await failure(send(TEST.testPhoneId, maria.waId));
    expect(notAllowed.meta?.code).toBe(131030);
    expect(notAllowed.classification.class).toBe('config');
    // Without "+", a US test number would prepend its own country code (doc §1.1).
    await expect(send(TEST.testPhoneId, `+${TEST.allowed}`)).resolves.toMatchObject({ waId: TEST.allowed });
    const locked = await failure(send(TEST.lockedPhoneId, maria.waId));
    expect(locked.meta?.code).toBe(131031);
    expect(locked.classification.class).toBe('account_blocked');
  });

  it('classifies planted 368, 131000 (HTTP 500) and 80007 by code', async () => {
    sandbox.control.addFault({ match: 'messages', code: 368 });
    sandbox.control.addFault({ match: 'messages', code: 131000, status: 500 });
    sandbox.control.addFault({ match: 'phone_numbers', code: 80007 });
    const send = () => client.sendText(PHONE, { to: maria.waId, body: 'x' });
    expect((await failure(send())).classification.class).toBe('account_blocked');
    const server = await failure(send());
    expect(server.failure).toMatchObject({ kind: 'meta', code: 131000, httpStatus: 500 });
    expect(server.classification.class).toBe('retry');
    expect((await failure(client.listPhoneNumbers(WABA))).classification).toMatchObject({ class: 'retry', reason: 'rate_limit' });
  });
});

describe('tokens and permissions', () => {
  it('answers 190/463 once a token has expired, and debug_token tells permanent from temporary tokens', async () => {
    const appToken = `${DEMO.appId}|${DEMO.appSecret}`;
    await expect(client.debugToken(DEMO.accessToken, appToken)).resolves.toMatchObject({ is_valid: true, expires_at: 0, type: 'SYSTEM_USER' });
    const temporary = await client.debugToken(DEMO.temporaryToken, appToken);
    expect(temporary.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect((await failure(client.debugToken(DEMO.accessToken, DEMO.accessToken))).meta?.code).toBe(100);

    token = DEMO.temporaryToken;
    sandbox.control.expireToken(DEMO.temporaryToken);
    const expired = await failure(client.getPhoneNumber(PHONE));
    expect(expired.meta).toMatchObject({ code: 190, subcode: 463 });
    expect(expired.meta?.message).toMatch(/Session has expired on/);
    expect(expired.classification).toMatchObject({ class: 'config', reason: 'auth' });
    await expect(client.debugToken(DEMO.temporaryToken, appToken)).resolves.toMatchObject({ is_valid: false });
  });

  it('answers 10 without the messaging permission and 200 without access to the WABA', async () => {
    token = DEMO.limitedToken;
    expect((await failure(client.sendText(PHONE, { to: maria.waId, body: 'x' }))).meta?.code).toBe(10);
    expect((await failure(client.listTemplates(WABA))).meta?.code).toBe(200);
  });

  it('never writes the token in a log line', async () => {
    await client.getPhoneNumber(PHONE);
    await failure(client.sendText(PHONE, { to: maria.waId, body: 'x' }).then(() => client.markRead(PHONE, 'nope')));
    expect(sink.lines.length).toBeGreaterThan(0);
    expect(sink.lines.join('\n')).not.toContain(DEMO.accessToken);
  });
});

describe('network failures', () => {
  it('classifies a refused connection and a timeout as retry, flagging that a timed-out send may have been accepted', async () => {
    const closed = createGraphClient({ baseUrl: 'http://127.0.0.1:1', apiVersion: 'v23.0', accessToken: () => token });
    const refused = await failure(closed.getPhoneNumber(PHONE));
    expect(refused.failure.kind).toBe('network');
    expect(refused.classification).toMatchObject({ class: 'retry', maybeAccepted: false });

    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      const slow = createGraphClient({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, apiVersion: 'v23.0', accessToken: () => token, timeoutMs: 200 });
      const timeout = await failure(slow.sendText(PHONE, { to: maria.waId, body: 'x' }));
      expect(timeout.failure).toEqual({ kind: 'timeout', timeoutMs: 200 });
      expect(timeout.classification).toMatchObject({ class: 'retry', maybeAccepted: true });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
