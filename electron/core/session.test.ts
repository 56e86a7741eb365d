import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../../shared/contract/methods/webhook';
import { DEFAULT_TUNNEL_SETTINGS } from '../../shared/settings/tunnel';
import { WEBHOOK_PATH } from '../../shared/settings/webhook';
import type { Core } from './create-core';
import { SANDBOX_DATABASE_FILE } from './platform/paths';
import { DEMO } from './sandbox/demo-world';
import { makeTempDir, openTempCore } from './testing/temp-core';
import { waitFor } from './testing/wait-for';
import { startLocaltunnelServer, type LocaltunnelTestServer } from './tunnel/testing/localtunnel-server';

let temp: ReturnType<typeof makeTempDir>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  temp?.remove();
});

const webhookStatus = (core: Core): Promise<WebhookStatus> => core.client.call('webhook.status', {});

/** The Sandbox emulator's control API over HTTP, as `npm run sandbox` users call it. */
async function control(core: Core, route: string, body: unknown): Promise<Response> {
  const emulator = await core.context().meta.sandbox();
  if (!emulator) throw new Error('not in Sandbox mode');
  return fetch(`${emulator.baseUrl}/_sandbox/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('core services', () => {
  it('in Sandbox mode, point the emulator at the local webhook: statuses of a send come back signed and land', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    await core.startServices({ webhookPort: 0 });
    const meta = core.context().meta;
    const client = await meta.client();
    await client.sendText(meta.account().phoneNumberId, { to: '+5511987654321', body: 'Olá' });
    const emulator = await meta.sandbox();
    await emulator!.control.injectInbound({ from: '5511987654321', text: 'oi' });
    const status = await waitFor('a callback accepted', async () => {
      const answer = await core.invoke('webhook.status', {});
      return answer.ok && (answer.value as { counters: { accepted: number } }).counters.accepted > 0 ? answer : null;
    });
    expect(status).toBeTruthy();
    expect(core.tunnel.state().state).toBe('stopped');
    await core.close();
  });

  it('in Sandbox mode, a customer reply "PARAR" injected through the control API blacklists the number end to end', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    cleanups.push(() => core.close());
    await core.startServices({ webhookPort: 0 });
    const maria = DEMO.customers.maria;
    expect((await control(core, 'inbound', { from: maria.waId, text: 'Parar!' })).status).toBe(200);
    const status = await waitFor('opt-out recorded', async () => {
      const s = await webhookStatus(core);
      return s.counters.blacklisted > 0 ? s : null;
    });
    expect(status.counters).toMatchObject({ blacklisted: 1 });
    // In the Sandbox database (Sandbox data never mixes with live data), with Meta's date.
    const reader = new Database(join(temp.dir, SANDBOX_DATABASE_FILE), { readonly: true });
    cleanups.push(() => reader.close());
    expect(reader.prepare('SELECT phone, reason, source FROM blacklist').all()).toEqual([{ phone: '+5511987654321', reason: 'customer opted out', source: 'auto' }]);
    expect(reader.prepare('SELECT wa_id, profile_name FROM inbound_contacts').all()).toEqual([{ wa_id: maria.waId, profile_name: maria.name }]);
    // A reply that only contains the word is not an opt-out.
    expect((await control(core, 'inbound', { from: DEMO.customers.joao.waId, text: 'Não quero parar de receber' })).status).toBe(200);
    // (Sandbox mode keeps Meta's quirks: a POST may come twice, so "at least".)
    await waitFor('second reply', async () => ((await webhookStatus(core)).counters.inboundMessages >= 2 ? true : null));
    expect(reader.prepare('SELECT count(*) AS n FROM blacklist').get()).toEqual({ n: 1 });
  }, 20_000);

  it('"the customer replies" (sandbox.customerReply) takes the number as the shop typed it, 9th digit or not; refused outside the Sandbox', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    cleanups.push(() => core.close());
    await core.startServices({ webhookPort: 0 });
    // João's WhatsApp account has no 9th digit; the shop has his number with it.
    await expect(core.invoke('sandbox.customerReply', { phone: '(11) 98888-7777', text: 'PARAR' })).resolves.toEqual({
      ok: true,
      // Every inbound message carries the customer's BSUID since 2026; João has no username.
      value: { waId: DEMO.customers.joao.waId, userId: expect.stringMatching(/^BR\.\d{20}$/), username: null },
    });
    await waitFor('opt-out recorded', async () => ((await webhookStatus(core)).counters.blacklisted > 0 ? true : null));
    const blacklist = await core.invoke('blacklist.list', {});
    expect(JSON.stringify(blacklist)).toContain('customer opted out');
    await expect(core.invoke('sandbox.customerReply', { phone: DEMO.customers.notOnWhatsApp.dial, text: 'oi' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found', details: { key: 'tools.reply.notOnWhatsApp' } },
    });
    await expect(core.invoke('sandbox.customerReply', { phone: '(11) 1234', text: 'oi' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ path: 'phone', key: expect.stringMatching(/^validation\.phone\./) }] } },
    });
    await core.invoke('sandbox.setMode', { enabled: false });
    await expect(core.invoke('sandbox.customerReply', { phone: '(11) 98888-7777', text: 'oi' })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 20_000);

  it('moves its services across mode switches: Sandbox → live (tunnel up) → Sandbox (tunnel down, emulator re-verifies the webhook)', async () => {
    temp = makeTempDir();
    const lt: LocaltunnelTestServer = await startLocaltunnelServer();
    cleanups.push(() => lt.close());
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    cleanups.push(() => core.close());
    await core.invoke('tunnel.saveSettings', { ...DEFAULT_TUNNEL_SETTINGS, localtunnelHost: lt.origin });
    await core.startServices({ webhookPort: 0 });
    const firstEmulator = await core.context().meta.sandbox();
    const firstPort = core.webhook.port();
    expect(firstEmulator?.control.info().apps[0]?.callbackUrl).toBe(`http://127.0.0.1:${firstPort}${WEBHOOK_PATH}`);
    const verifiedInSandbox = (await webhookStatus(core)).lastVerifiedAt;
    expect(verifiedInSandbox).not.toBeNull();
    expect(core.tunnel.state().state).toBe('stopped');

    // Live: the emulator is gone, the webhook runs for the live session, the tunnel opens.
    const live = await core.invoke('sandbox.setMode', { enabled: false });
    expect(live).toMatchObject({ ok: true, value: { enabled: false } });
    expect(core.context().meta.mode).toBe('live');
    expect(await core.context().meta.sandbox()).toBeNull();
    expect(firstEmulator && (await fetch(`${firstEmulator.baseUrl}/_sandbox`).then(() => 'up', () => 'down'))).toBe('down');
    expect((await webhookStatus(core)).running).toBe(true);
    const publicUrl = await waitFor('tunnel online in live mode', () => core.tunnel.state().publicUrl);
    const id = new URL(publicUrl).hostname.split('.')[0] as string;
    expect(lt.clientIds()).toEqual([id]);

    // Back to Sandbox: tunnel closed, a new emulator pointed at the new local webhook, which it
    // verified again with its GET handshake; callbacks land.
    const sandbox = await core.invoke('sandbox.setMode', { enabled: true });
    expect(sandbox).toMatchObject({ ok: true, value: { enabled: true } });
    expect(core.tunnel.state().state).toBe('stopped');
    await waitFor('tunnel client gone', () => lt.socketCount(id) === 0);
    const emulator = await core.context().meta.sandbox();
    expect(emulator).not.toBe(firstEmulator);
    const port = core.webhook.port();
    expect(port).not.toBeNull();
    expect(emulator?.control.info().apps[0]?.callbackUrl).toBe(`http://127.0.0.1:${port}${WEBHOOK_PATH}`);
    const after = await webhookStatus(core);
    expect(after).toMatchObject({ running: true });
    expect(after.lastVerifiedAt).toBeGreaterThan(verifiedInSandbox ?? 0);
    await emulator!.control.injectInbound({ from: DEMO.customers.maria.waId, text: 'PARAR' });
    await waitFor('callback after the switch', async () => ((await webhookStatus(core)).counters.blacklisted === 1 ? true : null));
  }, 25_000);
});
