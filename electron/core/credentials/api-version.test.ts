import { describe, expect, it } from 'vitest';
import type { StatusOverview } from '../../../shared/contract/methods/status';
import type { DoctorResult } from '../../../shared/contract/methods/doctor';
import { DEFAULT_CREDENTIAL_FIELDS } from '../../../shared/settings/credentials';
import { systemClock, type Clock } from '../platform/clock';
import { tempCores, type TempCore } from '../testing/temp-cores';

/**
 * The Graph version lifecycle through the real handlers: Status and the doctor warn 90 days
 * before Meta's published end date (by the core clock), an expired version cannot be saved, and a
 * new install starts on the newest tested version while an old one keeps its own.
 */
const cores = tempCores();
let opened: TempCore | undefined;

const DAY = 86_400_000;
const V23_ENDS = Date.parse('2027-10-08T00:00:00Z');
const at = (now: number): Clock => ({ now: () => now, setTimeout: systemClock.setTimeout });

function open(options: Parameters<typeof cores.open>[0] = {}) {
  opened = cores.open(options);
  return opened;
}

async function value<T>(answer: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const settled = await answer;
  if (!settled.ok) throw new Error(JSON.stringify(settled.error));
  return settled.value as T;
}

const save = (apiVersion: string) => opened!.core.invoke('credentials.save', { ...DEFAULT_CREDENTIAL_FIELDS, apiVersion });

describe('Graph API version lifecycle', () => {
  it('a version ending in 30 days warns on Status and in the doctor, with the date and the version to switch to', async () => {
    const { core } = open({ mode: 'sandbox', clock: at(V23_ENDS - 30 * DAY) });
    await core.startServices({ webhookPort: 0 });
    core.context().settings.credentials.set({ ...DEFAULT_CREDENTIAL_FIELDS, apiVersion: 'v23.0' });
    const overview = await value<StatusOverview>(core.invoke('status.overview', {}));
    expect(overview.apiVersion).toEqual({ version: 'v23.0', state: 'expiring', expiresAt: V23_ENDS, newest: 'v27.0' });
    const doctor = await value<DoctorResult>(core.invoke('doctor.run', {}));
    expect(doctor.checks.find((c) => c.id === 'apiVersion')).toMatchObject({ verdict: 'warn', reason: 'expiring', params: { version: 'v23.0', date: V23_ENDS, newest: 'v27.0' } });
  });

  it('the same version 91 days before its end is fine on Status', async () => {
    const { core } = open({ mode: 'sandbox', clock: at(V23_ENDS - 91 * DAY) });
    core.context().settings.credentials.set({ ...DEFAULT_CREDENTIAL_FIELDS, apiVersion: 'v23.0' });
    const overview = await value<StatusOverview>(core.invoke('status.overview', {}));
    expect(overview.apiVersion).toMatchObject({ state: 'ok', expiresAt: V23_ENDS });
  });

  it('refuses to save a version Meta stopped serving, as a field error in words, and keeps what was stored', async () => {
    const { core } = open({ mode: 'live', clock: at(Date.parse('2026-12-03T12:00:00Z')) });
    expect(await save('v20.0')).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ path: 'apiVersion', key: 'validation.apiVersionExpired', params: { version: 'v20.0', newest: 'v27.0', date: Date.parse('2026-09-24T00:00:00Z') } }] } },
    });
    // Older than every listed version: expired before the table was written, no date to show.
    expect(await save('v17.0')).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'apiVersion', key: 'validation.apiVersionRetired' }] } } });
    expect((await value<{ apiVersion: string }>(core.invoke('credentials.get', {}))).apiVersion).toBe('v27.0');
    // v21.0 still works on this date (it ends on 2027-01-21).
    expect(await save('v21.0')).toMatchObject({ ok: true, value: { apiVersion: 'v21.0' } });
  });

  it('judges "expired" by the core clock: the same save is refused once the end date has passed', async () => {
    open({ mode: 'live', clock: at(Date.parse('2027-01-21T00:00:00Z')) });
    expect(await save('v21.0')).toMatchObject({ ok: false, error: { details: { issues: [{ key: 'validation.apiVersionExpired' }] } } });
  });

  it('a stored version that has since expired does not block saving the rest (Status says to change it)', async () => {
    const { core, settingsStore } = open({ mode: 'live', clock: at(Date.parse('2026-12-03T12:00:00Z')) });
    settingsStore.set('credentials', { ...DEFAULT_CREDENTIAL_FIELDS, apiVersion: 'v20.0' });
    expect(await core.invoke('credentials.save', { ...DEFAULT_CREDENTIAL_FIELDS, phoneNumberId: '109876543210987', apiVersion: 'v20.0' })).toMatchObject({ ok: true });
    const overview = await value<StatusOverview>(core.invoke('status.overview', {}));
    expect(overview.apiVersion).toMatchObject({ version: 'v20.0', state: 'expired', expiresAt: Date.parse('2026-09-24T00:00:00Z') });
  });

  it('a new install starts on v27.0; an install with v23.0 saved keeps it', async () => {
    const fresh = open({ mode: 'live' });
    expect((await value<{ apiVersion: string }>(fresh.core.invoke('credentials.get', {}))).apiVersion).toBe('v27.0');
    const { core, settingsStore } = open({ mode: 'live' });
    settingsStore.set('credentials', { phoneNumberId: '109876543210987', appId: '', businessAccountId: '', apiVersion: 'v23.0' });
    expect((await value<{ apiVersion: string }>(core.invoke('credentials.get', {}))).apiVersion).toBe('v23.0');
  });
});
