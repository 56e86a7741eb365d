import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TUNNEL_SETTINGS } from '../../../shared/settings/tunnel';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { DEMO } from '../sandbox/demo-world';
import type { SandboxHandle } from '../sandbox/server';
import type { DeliveryAttempt } from '../sandbox/webhook-delivery';
import { startTestSandbox } from '../sandbox/testing/test-world';
import { makeTempDir } from '../testing/temp-core';
import { httpRequest, seedNotification, startTestWebhook, type TestWebhook } from '../webhook/testing/webhook-test-kit';
import { startLocaltunnelServer, type LocaltunnelTestServer } from './testing/localtunnel-server';
import { waitFor } from '../testing/wait-for';

/**
 * Issue 5's tunnel scenario against the real Meta Sandbox (not a fake Meta): a live-mode core
 * whose Graph client goes to the Sandbox, the real localtunnel client, the test localtunnel
 * server. The Sandbox reaches `http://<id>.localhost:<port>` through `resolveHost` (Node does not
 * resolve `*.localhost`), so every verification GET and webhook POST crosses the tunnel with the
 * Host header the server routes by.
 */

let temp: ReturnType<typeof makeTempDir> | undefined;
let hook: TestWebhook | undefined;
let lt: LocaltunnelTestServer | undefined;
let sandbox: SandboxHandle | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  hook?.core.tunnel.stop();
  await hook?.close();
  hook = undefined;
  await sandbox?.close();
  sandbox = undefined;
  await lt?.close();
  lt = undefined;
  temp?.remove();
});


/**
 * Another user takes this id on the restarted server and answers every request on it with 503
 * (an HTTP server on the claimed socket), so our client gets a new id and the URL changes.
 */
async function squat(server: LocaltunnelTestServer, id: string): Promise<() => void> {
  const info = JSON.parse((await httpRequest(server.port, { path: `/${id}` })).body) as { id: string; port: number };
  expect(info.id).toBe(id);
  const socket = await new Promise<Socket>((resolve) => {
    const s = connect(info.port, '127.0.0.1', () => resolve(s));
  });
  const squatter = createServer((_req, res) => res.writeHead(503).end('squatter'));
  squatter.emit('connection', socket);
  return () => {
    socket.destroy();
    squatter.close();
  };
}

const MARIA = DEMO.customers.maria;

describe('tunnel with the real Meta Sandbox', () => {
  it('registers the WABA override through the tunnel, lands signed callbacks, re-registers after a server restart and records every retried callback once', async () => {
    lt = await startLocaltunnelServer({ urlWithPort: true });
    sandbox = await startTestSandbox({
      resolveHost: (host) => (host.endsWith('.localhost') ? '127.0.0.1' : null),
      // Meta time 1000× faster: statuses 0.15/0.3/0.45 s after a send; retries from 15 ms,
      // doubling to every 0.3 s, for a 7-day horizon of ~10 min (the outage must not outlast it).
      timing: {
        compression: 1000,
        sentAfterMs: 150_000,
        deliveredAfterMs: 300_000,
        readAfterMs: 450_000,
        retryInitialMs: 15_000,
        retryMaxMs: 300_000,
        deliveryTimeoutMs: 2_000,
      },
    });
    const meta = sandbox;
    temp = makeTempDir();
    hook = await startTestWebhook(temp.dir, { metaBaseUrl: meta.baseUrl });
    const h = hook;
    const dir = temp.dir;
    // What the owner types in "API Credentials", here the Sandbox's account.
    h.secrets.set('accessToken', DEMO.accessToken);
    h.secrets.set('appSecret', DEMO.appSecret);
    const ctx = h.core.context();
    ctx.settings.credentials.set({ ...ctx.settings.credentials.get(), phoneNumberId: DEMO.phoneNumberId, businessAccountId: DEMO.wabaId, appId: DEMO.appId });
    await h.core.invoke('tunnel.saveSettings', { ...DEFAULT_TUNNEL_SETTINGS, localtunnelHost: lt.origin });
    const override = () => meta.control.info().wabas[0]?.subscribedApps.find((s) => s.appId === DEMO.appId)?.overrideCallbackUri ?? null;
    h.core.tunnel.start();

    const first = await waitFor('tunnel online', () => h.core.tunnel.state().publicUrl);
    expect(first).toMatch(/^http:\/\/recado-[a-z0-9]+\.localhost:\d+$/);
    // The registrar set the WABA override at the Sandbox, which verified it with its GET
    // handshake through the tunnel before answering.
    await waitFor('registered', () => h.core.tunnel.state().registration.state === 'registered');
    expect(override()).toBe(`${first}${WEBHOOK_PATH}`);
    expect(h.server.stats.snapshot().lastVerifiedAt).not.toBeNull();

    // A customer writes; the business answers inside the window; statuses come back signed.
    meta.control.injectInbound({ from: MARIA.waId, text: 'Oi, meu pedido já saiu?' });
    const client = await ctx.meta.client();
    const one = await client.sendText(DEMO.phoneNumberId, { to: MARIA.dial, body: 'Saiu hoje, código AA123456785BR.' });
    seedNotification(dir, { phone: '+5511987654321', wamid: one.messageId, status: 'sent', orderNumber: '10247' });
    await waitFor('first message read', () => h.rows<{ status: string }>('SELECT status FROM notifications WHERE wamid = ?', one.messageId)[0]?.status === 'read');
    expect(h.rows('SELECT wa_id, profile_name FROM inbound_contacts')).toEqual([{ wa_id: MARIA.waId, profile_name: MARIA.name }]);

    // The localtunnel server dies. Meanwhile the Sandbox keeps producing callbacks: they fail
    // and are retried.
    const port = lt.port;
    const subdomain = new URL(first).hostname.split('.')[0] as string;
    await lt.close();
    const outageFrom = meta.control.deliveries().length;
    const two = await client.sendText(DEMO.phoneNumberId, { to: MARIA.dial, body: 'Chega amanhã.' });
    seedNotification(dir, { phone: '+5511987654321', wamid: two.messageId, status: 'sent', orderNumber: '10248' });
    meta.control.injectInbound({ from: MARIA.waId, text: 'PARAR' });
    await waitFor('failed attempts during the outage', () => meta.control.deliveries().slice(outageFrom).filter((d) => d.status !== 200).length >= 4);

    // It comes back on the same port, but someone else holds our id: the URL must change.
    lt = await startLocaltunnelServer({ port, urlWithPort: true });
    cleanups.push(await squat(lt, subdomain));
    const second = await waitFor('new URL', () => {
      const url = h.core.tunnel.state().publicUrl;
      return url && url !== first ? url : null;
    }, 15_000);
    await waitFor('re-registered at the Sandbox', () => override() === `${second}${WEBHOOK_PATH}` && h.core.tunnel.state().registration.state === 'registered');
    expect(h.core.tunnel.state().registration.callbackUrl).toBe(`${second}${WEBHOOK_PATH}`);

    // The retried callbacks now reach the new URL and land.
    await waitFor('second message read', () => h.rows<{ status: string }>('SELECT status FROM notifications WHERE wamid = ?', two.messageId)[0]?.status === 'read', 15_000);
    await waitFor('opt-out blacklisted', () => h.rows('SELECT 1 FROM blacklist').length > 0);

    // Sandbox side: every delivery was acknowledged exactly once (Meta stops after a 200), and
    // those made during the outage were retried, ending at the new URL. (The database commits
    // before the 200 reaches the Sandbox: wait for the last answers to be recorded.)
    const settled = () => {
      const groups = new Map<number, DeliveryAttempt[]>();
      for (const d of meta.control.deliveries()) if (!d.duplicate) groups.set(d.deliveryId, [...(groups.get(d.deliveryId) ?? []), d]);
      return [...groups.values()].every((list) => list.some((d) => d.status === 200)) ? groups : null;
    };
    const byDelivery = await waitFor('every delivery acknowledged', settled);
    const attempts = [...byDelivery.values()].flat();
    const retried = [...byDelivery.values()].filter((list) => list.length > 1);
    expect(retried.length).toBeGreaterThanOrEqual(2);
    for (const list of byDelivery.values()) expect(list.filter((d) => d.status === 200)).toHaveLength(1);
    for (const list of retried) {
      expect(list.at(-1)).toMatchObject({ status: 200, url: `${second}${WEBHOOK_PATH}` });
      expect(list.slice(0, -1).every((d) => d.status !== 200)).toBe(true);
    }

    // Database side: each status and message the Sandbox delivered is recorded once.
    const delivered = attempts.filter((d) => d.status === 200).map((d) => JSON.parse(d.body) as MetaBody);
    const statuses = delivered.flatMap((b) => b.entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? [])));
    const messages = delivered.flatMap((b) => b.entry.flatMap((e) => e.changes.flatMap((c) => c.value.messages ?? [])));
    expect(statuses.map((s) => `${s.id}:${s.status}`).sort()).toEqual(
      [one.messageId, two.messageId].flatMap((id) => ['sent', 'delivered', 'read'].map((s) => `${id}:${s}`)).sort(),
    );
    // One row per (wamid, status): a redelivery would have been a no-op, not a second row. ('sent'
    // is stale: the seeded rows already say sent, as the dispatcher leaves them.)
    const rows = h.rows<{ k: string; outcome: string }>("SELECT wamid || ':' || status AS k, outcome FROM webhook_status_events");
    expect(rows.map((r) => r.k).sort()).toEqual(statuses.map((s) => `${s.id}:${s.status}`).sort());
    expect(rows.filter((r) => r.outcome !== 'applied').map((r) => r.k.split(':')[1])).toEqual(['sent', 'sent']);
    expect(messages.map((m) => m.text?.body)).toEqual(['Oi, meu pedido já saiu?', 'PARAR']);
    expect(h.rows('SELECT phone, reason FROM blacklist')).toEqual([{ phone: '+5511987654321', reason: 'customer opted out' }]);
    expect(h.rows('SELECT status FROM notifications ORDER BY order_number')).toEqual([{ status: 'read' }, { status: 'read' }]);
  }, 30_000);
});

interface MetaBody {
  entry: {
    changes: {
      value: {
        statuses?: { id: string; status: string }[];
        messages?: { id: string; text?: { body: string } }[];
      };
    }[];
  }[];
}
