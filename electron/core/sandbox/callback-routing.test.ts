import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from './demo-world';
import { startTestSandbox } from './testing/test-world';
import { startWebhookReceiver } from './testing/webhook-receiver';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

const MARIA = DEMO.customers.maria.waId;

describe('Sandbox callbacks: resolveHost and retries after a URL change', () => {
  it('reaches a host name Node cannot resolve through resolveHost, keeping it in the Host header', async () => {
    const receiver = await startWebhookReceiver({ verifyToken: 'v' });
    const port = new URL(receiver.url()).port;
    const asked: string[] = [];
    const sandbox = await startTestSandbox({ resolveHost: (host) => (asked.push(host), host.endsWith('.localhost') ? '127.0.0.1' : null) });
    open.push(sandbox, receiver);
    const url = `http://recado-abc123.localhost:${port}/webhook`;
    // Without the hook the handshake fails (no such host); with it, it passes.
    const plain = await startTestSandbox();
    open.push(plain);
    await expect(plain.control.setAppCallback({ url, verifyToken: 'v' })).rejects.toThrow(/Callback verification failed/);

    await sandbox.control.setAppCallback({ url, verifyToken: 'v' });
    sandbox.control.injectInbound({ from: MARIA, text: 'Oi' });
    await receiver.waitFor(() => receiver.posts.length === 1);
    expect(receiver.posts[0]?.headers.host).toBe(`recado-abc123.localhost:${port}`);
    expect(asked).toEqual(['recado-abc123.localhost', 'recado-abc123.localhost']);
    await receiver.waitFor(() => sandbox.control.deliveries()[0]?.status === 200);
    expect(sandbox.control.deliveries()).toMatchObject([{ url, status: 200, attempt: 1 }]);
  });

  it('sends a retry to the callback as routing stands now: a failing URL replaced by a new override gets nothing more', async () => {
    const dead = await startWebhookReceiver({ verifyToken: 'v', statuses: Array(1000).fill(503) as number[] });
    const alive = await startWebhookReceiver({ verifyToken: 'v' });
    // Retries from 15 ms doubling to 0.2 s: a few fail at the dead URL before the switch.
    const sandbox = await startTestSandbox({ timing: { compression: 1000, retryInitialMs: 15_000, retryMaxMs: 200_000 } });
    open.push(sandbox, dead, alive);
    const token = DEMO.accessToken;
    const subscribe = (body: Record<string, string>) =>
      fetch(`${sandbox.baseUrl}/v23.0/${DEMO.wabaId}/subscribed_apps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await subscribe({ override_callback_uri: dead.url(), verify_token: 'v' })).status).toBe(200);
    sandbox.control.injectInbound({ from: MARIA, text: 'Oi' });
    await dead.waitFor(() => dead.posts.length >= 3);
    expect(alive.posts).toHaveLength(0);

    expect((await subscribe({ override_callback_uri: alive.url(), verify_token: 'v' })).status).toBe(200);
    await alive.waitFor(() => alive.posts.length === 1 && sandbox.control.deliveries().at(-1)?.status === 200);
    const deadPosts = dead.posts.length;
    await new Promise((r) => setTimeout(r, 300));
    // Acknowledged once, at the new URL; the same bytes and signature as the failed attempts.
    expect(alive.posts).toHaveLength(1);
    expect(dead.posts).toHaveLength(deadPosts);
    const attempts = sandbox.control.deliveries();
    expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(1);
    expect(attempts.at(-1)).toMatchObject({ url: alive.url(), status: 200 });
    expect(attempts.slice(0, -1).every((a) => a.url === dead.url() && a.status === 503)).toBe(true);
    expect(alive.posts[0]?.raw.toString('utf8')).toBe(dead.posts[0]?.raw.toString('utf8'));
  });
});
