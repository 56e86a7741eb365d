import { afterEach, describe, expect, it } from 'vitest';
import { readWebhook } from '../webhook/payload';
import { DEMO } from './demo-world';
import { serializeWebhookBody, signWebhookBody, verifyWebhookSignature } from './signing';
import { createTestSandbox } from './testing/test-world';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';
import type { SandboxQuirks } from './timing';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function setup(options: { quirks?: Partial<SandboxQuirks>; statuses?: number[]; seed?: number; timing?: Record<string, number> } = {}) {
  const sandbox = createTestSandbox({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.quirks ? { quirks: options.quirks } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
  });
  const receiver: WebhookReceiver = await startWebhookReceiver({ verifyToken: 'v', ...(options.statuses ? { statuses: options.statuses } : {}) });
  open.push(sandbox, receiver);
  await sandbox.control.setAppCallback({ url: receiver.url(), verifyToken: 'v' });
  const send = async (to: string = DEMO.customers.maria.waId) => {
    const response = await sandbox.app.request(`/v23.0/${DEMO.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to,
        type: 'template',
        template: { name: 'pedido_entregue', language: { code: 'pt_BR' }, components: [{ type: 'body', parameters: ['João', '1', '2'].map((text) => ({ type: 'text', text })) }] },
      }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: { id: string }[] }).messages[0]!.id;
  };
  const statuses = () =>
    receiver.posts.flatMap((p) => {
      return readWebhook(JSON.parse(p.raw.toString())).flatMap((e) => (e.kind === 'status' ? [`${e.status.id}:${e.status.status}`] : []));
    });
  return { sandbox, receiver, send, statuses };
}

describe('webhook signing', () => {
  it('escapes "João" as \\u00e3 and signs exactly those bytes; a re-serialised body no longer verifies', () => {
    const body = serializeWebhookBody({ name: 'João', url: 'https://x/y' });
    expect(body).toBe('{"name":"Jo\\u00e3o","url":"https:\\/\\/x\\/y"}');
    const signature = signWebhookBody(body, DEMO.appSecret);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(Buffer.from(body), signature, DEMO.appSecret)).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(reserialised).toContain('João');
    expect(verifyWebhookSignature(reserialised, signature, DEMO.appSecret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, 'another-secret')).toBe(false);
  });

  it('delivers an inbound message from "João" that verifies over the raw bytes with the app secret, and not once re-serialised', async () => {
    const { sandbox, receiver } = await setup();
    sandbox.control.injectInbound({ from: DEMO.customers.joao.waId, text: 'Não recebi, João aqui' });
    await receiver.waitFor(() => receiver.posts.length === 1);
    const [post] = receiver.posts;
    const raw = post!.raw;
    expect(raw.toString('latin1')).toMatch(/^[\x20-\x7e]*$/);
    expect(raw.toString()).toContain('Jo\\u00e3o Silva');
    const header = post!.headers['x-hub-signature-256'] as string;
    expect(verifyWebhookSignature(raw, header, DEMO.appSecret)).toBe(true);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(raw.toString())), header, DEMO.appSecret)).toBe(false);
    expect(readWebhook(JSON.parse(raw.toString()))[0]).toMatchObject({ kind: 'inbound', contactName: 'João Silva', message: { text: { body: 'Não recebi, João aqui' } } });
  });
});

describe('webhook delivery', () => {
  it('retries non-200 answers with growing delays until one is accepted', async () => {
    // Meta time 1000× faster: retries at 15 s, 30 s, 60 s become 15, 30, 60 ms.
    const { send, receiver, sandbox } = await setup({ statuses: [500, 503, 404], timing: { compression: 1000, sentAfterMs: 0, batchWindowMs: 0 } });
    sandbox.control.setTiming({ readAfterMs: 1e12, deliveredAfterMs: 1e12 });
    await send();
    await receiver.waitFor(() => sandbox.control.deliveries()[3]?.status === 200);
    expect(receiver.posts).toHaveLength(4);
    expect(new Set(receiver.posts.map((p) => p.raw.toString())).size).toBe(1);
    const attempts = sandbox.control.deliveries();
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([[1, 500], [2, 503], [3, 404], [4, 200]]);
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(13);
    expect(gaps[1]).toBeGreaterThanOrEqual(28);
    expect(gaps[2]).toBeGreaterThanOrEqual(58);
  });

  it('drops a webhook after the retry horizon', async () => {
    const { send, sandbox } = await setup({ statuses: Array(1000).fill(500), timing: { retryHorizonMs: 3_600_000 * 24 * 7, compression: 2_000_000 } });
    sandbox.control.setTiming({ readAfterMs: 1e12, deliveredAfterMs: 1e12 });
    await send();
    const deadline = Date.now() + 10_000;
    while (sandbox.control.dropped().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(sandbox.control.dropped()).toHaveLength(1);
    const attempts = sandbox.control.deliveries().length;
    expect(attempts).toBeGreaterThan(5);
    await new Promise((r) => setTimeout(r, 100));
    expect(sandbox.control.deliveries().length).toBe(attempts);
  });

  it('batches several statuses into one POST when the seed says so', async () => {
    const { send, receiver, statuses } = await setup({ quirks: { batch: 1 }, timing: { batchWindowMs: 50_000_000 } });
    const a = await send();
    const b = await send(DEMO.customers.joao.waId);
    await receiver.waitFor(() => statuses().length === 6);
    expect(receiver.posts.length).toBeLessThan(6);
    const first = JSON.parse(receiver.posts[0]!.raw.toString()) as { entry: { changes: { value: { statuses: unknown[] } }[] }[] };
    expect(first.entry[0]!.changes[0]!.value.statuses.length).toBeGreaterThan(1);
    expect(statuses().filter((s) => s.startsWith(a))).toHaveLength(3);
    expect(statuses().filter((s) => s.startsWith(b))).toHaveLength(3);
  });

  it('duplicates deliveries and sends read before delivered when the quirks say so', async () => {
    // Slower Meta time here, so each status leaves well after the previous one's duplicate.
    const { send, receiver, statuses } = await setup({ quirks: { duplicate: 1, reorder: 1 }, timing: { compression: 20, batchWindowMs: 0 } });
    const id = await send();
    await receiver.waitFor(() => statuses().length === 6);
    const seen = statuses();
    for (const status of ['sent', 'delivered', 'read']) expect(seen.filter((s) => s === `${id}:${status}`)).toHaveLength(2);
    expect(seen.indexOf(`${id}:read`)).toBeLessThan(seen.indexOf(`${id}:delivered`));
    // Pricing rides on `sent` and on the first later status, here `read`.
    const priced = receiver.posts.filter((p) => p.raw.includes('"pricing"')).map((p) => JSON.parse(p.raw.toString()).entry[0].changes[0].value.statuses[0].status);
    expect(priced.sort()).toEqual(['read', 'read', 'sent', 'sent']);
  });

  it('is deterministic for a seed: same ids and same quirks', async () => {
    const run = async (seed: number) => {
      const { send, receiver, statuses, sandbox } = await setup({ seed, quirks: { skipDelivered: 0.5 } });
      const ids = [await send(), await send(DEMO.customers.joao.waId), await send('5511911112222'), await send('5511911113333')];
      await receiver.waitFor(() => ids.every((id) => statuses().includes(`${id}:read`)));
      await new Promise((r) => setTimeout(r, 50));
      const result = { ids, statuses: statuses().sort() };
      await sandbox.close();
      return result;
    };
    const first = await run(7);
    const again = await run(7);
    const other = await run(8);
    expect(again).toEqual(first);
    expect(other.ids).not.toEqual(first.ids);
    expect(first.statuses.length).toBeLessThan(12);
  });
});
