import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TunnelState } from '../../../shared/contract/methods/tunnel';
import { DEFAULT_TUNNEL_SETTINGS } from '../../../shared/settings/tunnel';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { createLogger, memorySink } from '../platform/logger';
import { systemClock } from '../platform/clock';
import {
  httpRequest,
  seedNotification,
  signedHeaders,
  statusBody,
} from '../webhook/testing/webhook-test-kit';
import { testWebhooks } from '../webhook/testing/test-webhooks';
import type { MetaCallbackApi } from './callback-registration';
import { requestThroughTunnel, startLocaltunnelServer, type LocaltunnelTestServer } from './testing/localtunnel-server';
import { createTunnelService } from './tunnel-service';
import { waitFor } from '../testing/wait-for';

let lt: LocaltunnelTestServer | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await lt?.close();
  lt = undefined;
});
// Registered after: vitest runs afterEach hooks last-registered first, so the webhook closes before the tunnel server.
const webhooks = testWebhooks();


/**
 * Meta's side of `subscribed_apps` as §4.4 describes it, including the verification GET Meta
 * makes to the new callback before it answers: here through the localtunnel server, as the
 * internet would reach it.
 */
function fakeMeta(server: () => LocaltunnelTestServer) {
  const registered: string[] = [];
  let subscribed = false;
  let override: string | null = null;
  const api: MetaCallbackApi = {
    getSubscription: async () => ({ subscribed, overrideCallbackUri: override }),
    subscribeApp: async () => {
      subscribed = true;
      override = null;
    },
    setCallbackOverride: async (uri, token) => {
      if (!subscribed) throw new Error('(#100) your app must be subscribed');
      const url = new URL(uri);
      const challenge = String(Math.floor(Math.random() * 1e9));
      const answer = await requestThroughTunnel(server(), uri, {
        path: `${url.pathname}?hub.mode=subscribe&hub.challenge=${challenge}&hub.verify_token=${encodeURIComponent(token)}`,
      });
      if (answer.status !== 200 || answer.body !== challenge) {
        throw new Error(`(#2200) Callback verification failed: HTTP Status Code = ${answer.status}`);
      }
      override = uri;
      registered.push(uri);
    },
  };
  return { api, registered };
}

/** Takes an id on the test server and keeps it (one open socket), as another user would. */
async function claim(server: LocaltunnelTestServer, id: string): Promise<Socket> {
  const info = JSON.parse((await httpRequest(server.port, { path: `/${id}` })).body) as { id: string; port: number };
  expect(info.id).toBe(id);
  return await new Promise<Socket>((resolve) => {
    const socket = connect(info.port, '127.0.0.1', () => resolve(socket));
  });
}

describe('tunnel with the real localtunnel client', () => {
  it('forwards signed callbacks, survives a server restart, re-registers the new URL, records retries once', async () => {
    lt = await startLocaltunnelServer();
    const server = () => lt as LocaltunnelTestServer;
    const meta = fakeMeta(server);
    const h = await webhooks.start((dir) => seedNotification(dir, { phone: '+5511955551234', wamid: 'wamid.T1', status: 'sent' }), { metaCallbackApi: () => meta.api });
    const states: TunnelState[] = [];
    h.core.subscribe((name, payload) => {
      if (name === 'tunnel.stateChanged') states.push(payload as TunnelState);
    });
    await h.core.invoke('tunnel.saveSettings', { ...DEFAULT_TUNNEL_SETTINGS, localtunnelHost: lt.origin });
    h.core.tunnel.start();

    const first = await waitFor('tunnel online', () => h.core.tunnel.state().publicUrl);
    expect(first).toMatch(/^http:\/\/recado-[a-z0-9]+\.localhost$/);
    const subdomain = new URL(first).hostname.split('.')[0] as string;
    expect(lt.clientIds()).toEqual([subdomain]);
    // Registered at "Meta", which verified the URL through the tunnel.
    await waitFor('registered', () => h.core.tunnel.state().registration.state === 'registered');
    expect(meta.registered).toEqual([`${first}${WEBHOOK_PATH}`]);
    expect(h.server.stats.snapshot().lastVerifiedAt).not.toBeNull();

    // A signed status through the public URL lands in the log.
    const sent = statusBody([{ id: 'wamid.T1', status: 'delivered', timestamp: '1750000030', recipient_id: '5511955551234' }]);
    expect((await requestThroughTunnel(lt, first, { method: 'POST', path: WEBHOOK_PATH, headers: signedHeaders(sent), body: sent })).status).toBe(200);
    expect(h.rows('SELECT status FROM notifications')).toEqual([{ status: 'delivered' }]);
    // Unsigned through the tunnel: refused like any other.
    expect((await requestThroughTunnel(lt, first, { method: 'POST', path: WEBHOOK_PATH, headers: { 'content-type': 'application/json' }, body: sent })).status).toBe(401);
    // Only the webhook routes exist behind the tunnel: no contract, no renderer.
    for (const [method, path] of [['GET', '/'], ['POST', '/api/app.info'], ['GET', '/api/events'], ['GET', '/index.html']] as const) {
      const answer = await requestThroughTunnel(lt, first, {
        method,
        path,
        headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('Recado');
    }

    // The server dies; while it is away someone else takes our id, so the URL must change.
    const port = lt.port;
    await lt.close();
    // Meta sends a callback during the outage: it fails, so Meta will retry it (to the new URL).
    const retried = statusBody([{ id: 'wamid.T1', status: 'read', timestamp: '1750000090', recipient_id: '5511955551234' }]);
    const during = await requestThroughTunnel(lt, first, { method: 'POST', path: WEBHOOK_PATH, headers: signedHeaders(retried), body: retried }).then(
      (a) => a.status,
      () => 0,
    );
    expect(during).not.toBe(200);
    lt = await startLocaltunnelServer({ port });
    const squatter = await claim(lt, subdomain);
    cleanups.push(() => squatter.destroy());

    const second = await waitFor('new URL', () => {
      const url = h.core.tunnel.state().publicUrl;
      return url && url !== first ? url : null;
    }, 15_000);
    expect(states.some((s) => s.state === 'offline' && s.reason !== null && s.nextRetryAt !== null)).toBe(true);
    await waitFor('re-registered', () => meta.registered.length === 2 && h.core.tunnel.state().registration.state === 'registered');
    expect(meta.registered[1]).toBe(`${second}${WEBHOOK_PATH}`);
    await expect(h.core.invoke('tunnel.status', {})).resolves.toMatchObject({
      ok: true,
      value: { state: 'online', publicUrl: second, webhookUrl: `${second}${WEBHOOK_PATH}`, registration: { state: 'registered' } },
    });

    for (let i = 0; i < 3; i++) {
      expect((await requestThroughTunnel(lt, second, { method: 'POST', path: WEBHOOK_PATH, headers: signedHeaders(retried), body: retried })).status).toBe(200);
    }
    expect(h.rows('SELECT status, read_at FROM notifications')).toEqual([{ status: 'read', read_at: 1750000090000 }]);
    expect(h.rows("SELECT count(*) AS n FROM webhook_status_events WHERE wamid = 'wamid.T1' AND status = 'read'")).toEqual([{ n: 1 }]);
    expect(h.server.stats.snapshot().counters).toMatchObject({ statusesApplied: 2, statusesDuplicate: 2 });
  }, 40_000);

  it('waits offline (reason, next retry) while the server is unreachable, then connects when it appears', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = await startLocaltunnelServer();
    const port = probe.port;
    await probe.close();
    const h = await webhooks.start();
    const states: TunnelState[] = [];
    const tunnel = createTunnelService({
      clock: systemClock,
      random: () => 0,
      logger: createLogger(memorySink()),
      settings: () => ({ ...DEFAULT_TUNNEL_SETTINGS, localtunnelHost: `http://127.0.0.1:${port}` }),
      localPort: () => h.server.port,
      subdomain: 'recado-unreachable-test',
      openTimeoutMs: 300,
      backoff: { baseMs: 200, maxMs: 400 },
      events: { emit: (_n: unknown, s: unknown) => void states.push(s as TunnelState), subscribe: () => () => undefined } as never,
    });
    cleanups.push(() => tunnel.stop());
    tunnel.start();
    await waitFor('offline', () => tunnel.state().state === 'offline');
    expect(tunnel.state()).toMatchObject({ reason: 'server_unreachable', nextRetryAt: expect.any(Number), publicUrl: null });

    lt = await startLocaltunnelServer({ port });
    const url = await waitFor('online', () => tunnel.state().publicUrl, 10_000);
    expect(url).toBe('http://recado-unreachable-test.localhost');
    // One client: the attempts while it was down did not pile up extra tunnels.
    await new Promise((r) => setTimeout(r, 300));
    expect(lt.clientIds()).toEqual(['recado-unreachable-test']);
  }, 30_000);

  it("with the owner's own public URL, no localtunnel is opened and the URL is registered", async () => {
    lt = await startLocaltunnelServer();
    const registered: string[] = [];
    const api: MetaCallbackApi = {
      getSubscription: async () => ({ subscribed: true, overrideCallbackUri: null }),
      subscribeApp: async () => undefined,
      setCallbackOverride: async (uri) => void registered.push(uri),
    };
    const h = await webhooks.start(undefined, { metaCallbackApi: () => api });
    const saved = await h.core.invoke('tunnel.saveSettings', { mode: 'publicUrl', localtunnelHost: lt.origin, publicUrl: 'https://loja.example.com.br/' });
    expect(saved.ok).toBe(true);
    h.core.tunnel.start();
    expect(h.core.tunnel.state()).toMatchObject({ mode: 'publicUrl', state: 'online', webhookUrl: 'https://loja.example.com.br/webhook/whatsapp' });
    await waitFor('registered', () => registered.length === 1);
    expect(registered).toEqual(['https://loja.example.com.br/webhook/whatsapp']);
    expect(lt.clientIds()).toEqual([]);
    // An http:// own URL is refused (Meta needs HTTPS).
    const refused = await h.core.invoke('tunnel.saveSettings', { mode: 'publicUrl', localtunnelHost: lt.origin, publicUrl: 'http://loja.example.com.br' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
