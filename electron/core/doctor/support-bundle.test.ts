import { mkdirSync, readFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SupportBundle } from '../../../shared/contract/methods/doctor';
import { LOG_FILE } from '../platform/paths';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { scrub, secretForms } from './support-bundle';

let temp: ReturnType<typeof makeTempDir>;
let opened: ReturnType<typeof openTempCore>;
beforeEach(() => {
  temp = makeTempDir();
  opened = openTempCore(temp.dir, { mode: 'live' });
});
afterEach(async () => {
  await opened.core.close();
  temp.remove();
});

const PLANTED = {
  accessToken: 'EAAGplantedAccessTokenZ9x8c7v6b5n4m3',
  appSecret: 'f00dfacecafebeef0123456789abcdef',
  verifyToken: 'planted-verify-token-QWERTY-123',
  wooConsumerKey: 'ck_planted0123456789abcdef0123456789abcd',
  wooConsumerSecret: 'cs_planted0123456789abcdef0123456789abcd',
  wooWebhookSecret: 'planted-woo-webhook-secret-xyz',
  orderEndpointSecret: 'planted-order-endpoint-secret-987',
} as const;

function everyForm(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), bytes.toString('hex').toUpperCase()];
}

describe('support bundle', () => {
  it('holds the doctor result, settings, versions, recent errors and statuses, and no planted secret in any form', async () => {
    for (const [name, value] of Object.entries(PLANTED)) opened.secrets.set(name as keyof typeof PLANTED, value);
    const ctx = opened.core.context();
    ctx.settings.credentials.set({ phoneNumberId: '109876543210987', businessAccountId: '102030405060708', appId: '987654321098765', apiVersion: 'v23.0' });
    // Secrets that slipped into the log in every form (a careless line elsewhere must not leak through the bundle).
    const logFile = join(temp.dir, LOG_FILE);
    mkdirSync(dirname(logFile), { recursive: true });
    for (const value of Object.values(PLANTED)) {
      for (const form of everyForm(value)) appendFileSync(logFile, `${JSON.stringify({ time: '2026-12-03T08:00:00Z', level: 'error', message: `refused ${form}` })}\n`);
    }
    appendFileSync(logFile, `${JSON.stringify({ time: '2026-12-03T08:00:01Z', level: 'warn', message: 'graph call refused', code: 190 })}\n`);
    await opened.core.invoke('doctor.run', {});

    const answer = await opened.core.invoke('doctor.supportBundle', {});
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const bundle = answer.value as SupportBundle;
    const zip = readFileSync(bundle.path);
    expect(Buffer.from(bundle.base64, 'base64').equals(zip)).toBe(true);
    const files = unzipSync(new Uint8Array(zip));
    expect(Object.keys(files).sort()).toEqual(['LEIA-ME.txt', 'doctor.json', 'message-statuses.csv', 'recent-errors.log', 'settings.json', 'versions.json']);
    const texts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
    expect(JSON.parse(texts['doctor.json'] ?? 'null')).toMatchObject({ mode: 'live', checks: expect.any(Array) });
    expect(JSON.parse(texts['settings.json'] ?? '{}')).toMatchObject({ credentials: { appId: '987654321098765' }, secretsSet: { accessToken: true } });
    expect(texts['recent-errors.log']).toContain('graph call refused');
    expect(texts['recent-errors.log']).toContain('[removido]');

    const haystacks = [zip.toString('latin1'), ...Object.values(texts)];
    for (const value of Object.values(PLANTED)) {
      for (const form of everyForm(value)) {
        for (const hay of haystacks) expect(hay.includes(form), `${form} found`).toBe(false);
      }
    }
  });

  it('scrub removes every form of any secret from any text (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_.-]{8,60}$/), fc.string(), fc.string(), (secret, before, after) => {
        const out = scrub(`${before}${secretForms(secret).join(' | ')}${after}`, [secret]);
        for (const form of secretForms(secret)) expect(out.includes(form)).toBe(false);
      }),
    );
  });
});
