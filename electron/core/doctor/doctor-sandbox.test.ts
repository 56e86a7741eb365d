import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorCheckId, DoctorFixId, DoctorResult } from '../../../shared/contract/methods/doctor';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { DEMO } from '../sandbox/demo-world';
import type { SandboxScenario } from '../sandbox/scenarios';
import { makeTempDir, openTempCore } from '../testing/temp-core';

/**
 * The doctor in Sandbox mode: the emulator is put into each broken state the field knows, the
 * doctor must name exactly that failure, its fix (where Meta's API offers one) must repair it,
 * and the next run must pass.
 */
let temp: ReturnType<typeof makeTempDir>;
let opened: ReturnType<typeof openTempCore>;

const call = <N extends MethodName>(method: N, input: InputOf<N>): Promise<OutputOf<N>> => opened.core.client.call(method, input);

const check = (result: DoctorResult, id: DoctorCheckId) => {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

async function scenario(name: SandboxScenario, extra: Record<string, string> = {}) {
  const sandbox = await opened.core.context().meta.sandbox();
  if (!sandbox) throw new Error('not in Sandbox mode');
  sandbox.control.scenario({ name, ...extra });
  return sandbox;
}

beforeEach(async () => {
  temp = makeTempDir();
  opened = openTempCore(temp.dir, { mode: 'sandbox' });
  await opened.core.startServices({ webhookPort: 0 });
});

afterEach(async () => {
  await opened.core.close();
  temp.remove();
});

describe('doctor in Sandbox mode', () => {
  it('passes every check on the demo world, in order', async () => {
    const result = await call('doctor.run', {});
    expect(result.checks.map((c) => [c.id, c.verdict, c.reason])).toEqual([
      ['credentials', 'pass', 'permanent'],
      ['phone', 'pass', 'connected'],
      ['health', 'pass', 'healthy'],
      ['subscription', 'pass', 'subscribed'],
      ['callback', 'pass', 'ours'],
      ['verification', 'pass', 'verified_none_expected'],
      ['reachability', 'pass', 'reachable'],
      ['templates', 'pass', 'all_fit'],
      ['apiVersion', 'pass', 'current'],
      ['dispatcher', 'pass', 'running'],
    ]);
    expect(result.overall).toBe('pass');
    expect(await call('doctor.last', {})).toEqual(result);
  });

  // [scenario, check, verdict, reason, fix offered, fix input]
  const fixable: [SandboxScenario, DoctorCheckId, string, DoctorFixId, Record<string, unknown>][] = [
    ['phone_override', 'callback', 'phone_override', 'removePhoneOverride', { confirm: true }],
    ['waba_override_elsewhere', 'callback', 'waba_override', 'pointWabaOverride', {}],
    ['app_unsubscribed', 'subscription', 'not_subscribed', 'subscribeApp', {}],
    ['number_unregistered', 'phone', 'not_registered', 'registerPhone', { pin: DEMO.pin }],
  ];
  for (const [name, id, reason, fix, input] of fixable) {
    it(`${name}: ${id} fails with ${reason}; ${fix} repairs it and the next run passes`, async () => {
      await scenario(name);
      const broken = await call('doctor.run', {});
      const failing = check(broken, id);
      expect([failing.verdict, failing.reason, failing.fix?.id]).toEqual(['fail', reason, fix]);
      expect(failing.evidence.length).toBeGreaterThan(0);
      expect(broken.checks.filter((c) => c.verdict === 'fail').map((c) => c.id)).toEqual([id]);
      const repaired = await call('doctor.fix', { fix, ...input });
      expect(check(repaired, id).verdict).toBe('pass');
      expect((await call('doctor.run', {})).overall).toBe('pass');
    });
  }

  it('names the stray URL of a phone-number override and refuses to remove it unconfirmed', async () => {
    await scenario('phone_override');
    const failing = check(await call('doctor.run', {}), 'callback');
    expect(failing.params.url).toBe('https://old-crm.example.com/whatsapp/webhook');
    const refused = await opened.core.invoke('doctor.fix', { fix: 'removePhoneOverride' });
    expect(refused.ok).toBe(false);
    expect(check(await call('doctor.run', {}), 'callback').reason).toBe('phone_override');
  });

  it('skips the checks after a failed one, naming it', async () => {
    await scenario('app_unsubscribed');
    const result = await call('doctor.run', {});
    expect(check(result, 'callback')).toMatchObject({ verdict: 'skipped', skippedBecause: 'subscription' });
    expect(check(result, 'verification')).toMatchObject({ verdict: 'skipped', skippedBecause: 'callback' });
  });

  it('a wrong PIN is refused with Meta 133005 and the number stays unregistered', async () => {
    await scenario('number_unregistered');
    const refused = await opened.core.invoke('doctor.fix', { fix: 'registerPhone', pin: '000000' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details).toMatchObject({ code: 133005, key: 'tools.reason.wrong_pin' });
    expect(check(await call('doctor.run', {}), 'phone').reason).toBe('not_registered');
  });

  // States Meta's API cannot repair: the doctor must say exactly what they are.
  const unfixable: [SandboxScenario, DoctorCheckId, string, string][] = [
    ['token_expiring', 'credentials', 'warn', 'temporary'],
    ['token_expired', 'credentials', 'fail', 'expired'],
    ['token_missing_permission', 'credentials', 'fail', 'missing_scopes'],
    ['number_on_business_app', 'phone', 'fail', 'business_app'],
    ['quality_yellow', 'health', 'warn', 'quality_yellow'],
    ['quality_red', 'health', 'fail', 'quality_red'],
    ['test_number', 'health', 'warn', 'test_number'],
    ['template_rejected', 'templates', 'fail', 'refused'],
    ['template_paused', 'templates', 'fail', 'refused'],
    ['template_mismatch', 'templates', 'fail', 'refused'],
    ['template_recategorised', 'templates', 'warn', 'marketing'],
    ['callbacks_unreachable', 'reachability', 'fail', 'unreachable'],
  ];
  for (const [name, id, verdict, reason] of unfixable) {
    it(`${name}: ${id} says ${verdict} (${reason})`, async () => {
      await scenario(name);
      const result = await call('doctor.run', {});
      const found = check(result, id);
      expect([found.verdict, found.reason]).toEqual([verdict, reason]);
      expect(found.fix).toBeNull();
    });
  }

  it('a temporary token warns with its expiry date and links to System User tokens', async () => {
    await scenario('token_expiring');
    const found = check(await call('doctor.run', {}), 'credentials');
    expect(found.params.date).toBeGreaterThan(Date.now());
    expect(found.link).toContain('system-user');
  });

  it('template problems carry Meta codes per event (132001 rejected, 132015 paused, 132000 mismatch)', async () => {
    await scenario('template_paused', { template: 'pedido_enviado' });
    const found = check(await call('doctor.run', {}), 'templates');
    expect(found.params.events).toBe('shipment_created');
    expect(found.evidence.map((e) => e.code)).toEqual([132015]);
  });

  it('an API version expiring within 90 days warns; switching to the newest tested one passes', async () => {
    opened.core.context().settings.credentials.set({ ...opened.core.context().settings.credentials.get(), apiVersion: 'v21.0' });
    const found = check(await call('doctor.run', {}), 'apiVersion');
    expect([found.verdict, found.reason, found.params.date, found.fix?.id]).toEqual(['warn', 'expiring', Date.parse('2027-01-21T00:00:00Z'), 'switchApiVersion']);
    const repaired = await call('doctor.fix', { fix: 'switchApiVersion' });
    expect(check(repaired, 'apiVersion')).toMatchObject({ verdict: 'pass', params: { version: 'v27.0' } });
  });

  it('a version Meta no longer serves fails with the version that answered instead', async () => {
    opened.core.context().settings.credentials.set({ ...opened.core.context().settings.credentials.get(), apiVersion: 'v22.0' });
    await scenario('api_version_retired', { version: 'v22.0' });
    const found = check(await call('doctor.run', {}), 'apiVersion');
    expect([found.verdict, found.reason, found.params.served]).toEqual(['fail', 'not_served', 'v21.0']);
    expect(check(await call('doctor.fix', { fix: 'switchApiVersion' }), 'apiVersion').verdict).toBe('pass');
  });

  it('a paused dispatcher fails and the fix resumes it', async () => {
    await call('dispatch.pause', {});
    const found = check(await call('doctor.run', {}), 'dispatcher');
    expect([found.verdict, found.reason, found.fix?.id]).toEqual(['fail', 'paused', 'resumeDispatcher']);
    expect(check(await call('doctor.fix', { fix: 'resumeDispatcher' }), 'dispatcher').verdict).toBe('pass');
  });
});
