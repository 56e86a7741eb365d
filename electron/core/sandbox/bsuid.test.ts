import { afterEach, describe, expect, it } from 'vitest';
import { readWebhook, type WebhookItem } from '../webhook/payload';
import { DEMO } from './demo-world';
import { createTestSandbox, testWorld } from './testing/test-world';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

/** The Sandbox speaks 2026's identities like Meta (doc §8): BSUIDs, usernames, withheld phones. */
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

const BR_BSUID = /^BR\.\d{20}$/;

/** The test world with an authentication template (the kind Meta refuses to send to a BSUID). */
function worldWithAuthTemplate() {
  const world = testWorld();
  world.templates.push({
    id: '1689556908129902',
    wabaId: DEMO.wabaId,
    name: 'codigo_verificacao',
    language: 'pt_BR',
    category: 'AUTHENTICATION',
    status: 'APPROVED',
    parameterFormat: 'POSITIONAL',
    components: [{ type: 'BODY', text: '{{1}} é seu código de verificação.' }],
  });
  return world;
}

async function setup() {
  const sandbox = createTestSandbox({ world: worldWithAuthTemplate() });
  const receiver: WebhookReceiver = await startWebhookReceiver({ verifyToken: 'v' });
  open.push(sandbox, receiver);
  await sandbox.control.setAppCallback({ url: receiver.url(), verifyToken: 'v' });
  const post = async (body: Record<string, unknown>) => {
    const response = await sandbox.app.request(`/v23.0/${DEMO.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', ...body }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: number } } };
  };
  const template = (name = 'pedido_entregue', params = ['Ana', '1', '2']) => ({
    type: 'template',
    template: { name, language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
  });
  const bodies = () => receiver.posts.map((p) => JSON.parse(p.raw.toString()) as { entry: { changes: { value: Record<string, unknown> }[] }[] });
  const values = () => bodies().flatMap((b) => b.entry.flatMap((e) => e.changes.map((c) => c.value)));
  const items = (): WebhookItem[] => receiver.posts.flatMap((p) => readWebhook(JSON.parse(p.raw.toString())));
  const waitFor = async (done: () => boolean) => {
    for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(done()).toBe(true);
  };
  return { sandbox, receiver, post, template, values, items, waitFor };
}

describe('Sandbox BSUIDs', () => {
  it('statuses of a message sent by phone carry the phone and a stable BR. BSUID; a failed one has no contacts and no BSUID', async () => {
    const t = await setup();
    expect((await t.post({ to: DEMO.customers.maria.dial, ...t.template() })).status).toBe(200);
    expect((await t.post({ to: DEMO.customers.notOnWhatsApp.dial, ...t.template() })).status).toBe(200);
    await t.waitFor(() => t.items().filter((i) => i.kind === 'status').length >= 4);
    const statuses = t.items().flatMap((i) => (i.kind === 'status' ? [i.status] : []));
    const maria = statuses.filter((s) => s.recipient_id === DEMO.customers.maria.waId);
    expect(maria.length).toBeGreaterThanOrEqual(2);
    expect(maria[0]!.recipient_user_id).toMatch(BR_BSUID);
    expect(new Set(maria.map((s) => s.recipient_user_id)).size).toBe(1);
    const failed = statuses.find((s) => s.status === 'failed');
    expect(failed).toMatchObject({ recipient_id: DEMO.customers.notOnWhatsApp.waId });
    expect(failed?.recipient_user_id).toBeUndefined();
    const failedValue = t.values().find((v) => JSON.stringify(v).includes('"failed"'));
    expect(failedValue).not.toHaveProperty('contacts');
  });

  it('a customer with a username writes without her phone until the shop messages her by phone', async () => {
    const t = await setup();
    const first = t.sandbox.control.customerWrites({ username: 'anacosta', text: 'PARAR' });
    expect(first).toMatchObject({ waId: null, username: '@anacosta' });
    expect(first.userId).toMatch(BR_BSUID);
    await t.waitFor(() => t.items().some((i) => i.kind === 'inbound'));
    const inbound = t.items().find((i) => i.kind === 'inbound');
    expect(inbound).toMatchObject({ sender: { waId: null, userId: first.userId, username: '@anacosta' } });

    expect((await t.post({ to: DEMO.customers.ana.dial, ...t.template() })).status).toBe(200);
    const again = t.sandbox.control.customerWrites({ username: '@AnaCosta', text: 'Obrigada' });
    expect(again).toMatchObject({ waId: DEMO.customers.ana.waId, userId: first.userId });
  });

  it('a customer changes BSUID: user_changed_user_id without phone or contacts, and later statuses carry the new one', async () => {
    const t = await setup();
    const change = t.sandbox.control.changeUserId({ phone: DEMO.customers.maria.dial });
    expect(change.newUserId).not.toBe(change.oldUserId);
    await t.waitFor(() => t.items().some((i) => i.kind === 'user_id_change'));
    expect(t.items().find((i) => i.kind === 'user_id_change')).toMatchObject({ oldUserId: change.oldUserId, newUserId: change.newUserId });
    expect(t.values().find((v) => JSON.stringify(v).includes('user_changed_user_id'))).not.toHaveProperty('contacts');
    expect((await t.post({ to: DEMO.customers.maria.dial, ...t.template() })).status).toBe(200);
    await t.waitFor(() => t.items().some((i) => i.kind === 'status'));
    expect(t.items().find((i) => i.kind === 'status')).toMatchObject({ status: { recipient_user_id: change.newUserId } });
  });

  it('sends to a BSUID through `recipient`, and answers 131062 for a type that refuses it (authentication template)', async () => {
    const t = await setup();
    const { userId } = t.sandbox.control.customerWrites({ username: '@anacosta', text: 'oi' });
    const ok = await t.post({ recipient: userId, ...t.template() });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ contacts: [{ input: userId, user_id: userId }] });
    const refused = await t.post({ recipient: userId, ...t.template('codigo_verificacao', ['123456']) });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 131062 });
    // The same template to her phone is fine.
    expect((await t.post({ to: DEMO.customers.ana.dial, ...t.template('codigo_verificacao', ['123456']) })).status).toBe(200);
  });
});
