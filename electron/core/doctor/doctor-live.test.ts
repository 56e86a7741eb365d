import { afterEach, describe, expect, it } from 'vitest';
import type { DoctorCheckId, DoctorResult } from '../../../shared/contract/methods/doctor';
import { DEFAULT_TUNNEL_SETTINGS } from '../../../shared/settings/tunnel';
import { DEMO } from '../sandbox/demo-world';
import type { SandboxHandle } from '../sandbox/server';
import { startTestSandbox } from '../sandbox/testing/test-world';
import { makeTempDir } from '../testing/temp-core';
import { startLocaltunnelServer, type LocaltunnelTestServer } from '../tunnel/testing/localtunnel-server';
import { startTestWebhook, type TestWebhook } from '../webhook/testing/webhook-test-kit';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { waitFor } from '../testing/wait-for';

/**
 * The doctor in live mode, as against Meta: a live core whose Graph client goes to the Meta
 * Sandbox, the real localtunnel client and the in-repo localtunnel server. The reachability
 * self-test crosses the tunnel from outside with a one-time nonce.
 */
let temp: ReturnType<typeof makeTempDir> | undefined;
let hook: TestWebhook | undefined;
let lt: LocaltunnelTestServer | undefined;
let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  hook?.core.tunnel.stop();
  await hook?.close();
  await sandbox?.close();
  await lt?.close();
  temp?.remove();
  hook = sandbox = lt = temp = undefined;
});

const localhost = (host: string) => (host.endsWith('.localhost') ? '127.0.0.1' : null);


const run = <N extends 'doctor.run' | 'doctor.fix'>(h: TestWebhook, method: N, input: InputOf<N>): Promise<OutputOf<N>> => h.core.client.call(method, input);
const verdicts = (r: DoctorResult, ids: DoctorCheckId[]) => ids.map((id) => `${id}:${r.checks.find((c) => c.id === id)?.verdict}:${r.checks.find((c) => c.id === id)?.reason}`);

describe('doctor in live mode through a tunnel', () => {
  it('sees the tunnel reach this PC, catches a phone-number override, fixes it, and fails with the cause when the tunnel server dies', async () => {
    lt = await startLocaltunnelServer({ urlWithPort: true });
    sandbox = await startTestSandbox({ resolveHost: localhost, timing: { deliveryTimeoutMs: 2_000 } });
    temp = makeTempDir();
    hook = await startTestWebhook(temp.dir, { metaBaseUrl: sandbox.baseUrl, resolveHost: localhost });
    const h = hook;
    h.secrets.set('accessToken', DEMO.accessToken);
    h.secrets.set('appSecret', DEMO.appSecret);
    const ctx = h.core.context();
    ctx.settings.credentials.set({ ...ctx.settings.credentials.get(), phoneNumberId: DEMO.phoneNumberId, businessAccountId: DEMO.wabaId, appId: DEMO.appId });
    await h.core.invoke('tunnel.saveSettings', { ...DEFAULT_TUNNEL_SETTINGS, localtunnelHost: lt.origin });
    h.core.tunnel.start();
    await waitFor('registered', () => h.core.tunnel.state().registration.state === 'registered');
    const url = h.core.tunnel.state().webhookUrl;

    const healthy = await run(h, 'doctor.run', {});
    expect(verdicts(healthy, ['credentials', 'phone', 'subscription', 'callback', 'verification', 'reachability'])).toEqual([
      'credentials:pass:permanent',
      'phone:pass:connected',
      'subscription:pass:subscribed',
      'callback:pass:ours',
      'verification:pass:verified_none_expected',
      'reachability:pass:reachable',
    ]);
    expect(healthy.checks.find((c) => c.id === 'callback')?.params).toMatchObject({ expected: url, level: 'waba' });

    // A phone-number override left by another tool beats Recado's WABA override.
    sandbox.control.scenario({ name: 'phone_override' });
    const broken = await run(h, 'doctor.run', {});
    expect(verdicts(broken, ['callback', 'verification'])).toEqual(['callback:fail:phone_override', 'verification:skipped:skipped']);
    const fixed = await run(h, 'doctor.fix', { fix: 'removePhoneOverride', confirm: true });
    expect(verdicts(fixed, ['callback'])).toEqual(['callback:pass:ours']);

    // The tunnel server dies: the self-test says so instead of passing on a stale URL.
    await lt.close();
    lt = undefined;
    await waitFor('tunnel offline', () => h.core.tunnel.state().state !== 'online');
    const offline = await run(h, 'doctor.run', {});
    const reach = offline.checks.find((c) => c.id === 'reachability');
    expect(reach?.verdict).toBe('fail');
    expect(['tunnel_offline', 'unreachable']).toContain(reach?.reason);
  });

  it('the self-test nonce is one-time: a stranger or a replay gets 403', async () => {
    temp = makeTempDir();
    hook = await startTestWebhook(temp.dir);
    const nonce = hook.core.webhook.probes.issue();
    const get = (value: string) => fetch(`http://127.0.0.1:${hook?.server.port}/webhook/whatsapp?recado_probe=${value}`);
    expect((await get('0123456789abcdef0123456789abcdef')).status).toBe(403);
    const first = await get(nonce);
    expect([first.status, await first.text()]).toEqual([200, nonce]);
    expect((await get(nonce)).status).toBe(403);
  });
});
