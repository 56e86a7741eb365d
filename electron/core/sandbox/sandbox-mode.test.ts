import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, SANDBOX_DATABASE_FILE } from '../platform/paths';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { DEMO } from './demo-world';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

const refuses = (url: string) => fetch(`${url}/_sandbox`).then(() => false, () => true);

describe('Sandbox mode', () => {
  it('is on for a new install without credentials: own database, running emulator, Graph client pointed at it', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    await expect(core.invoke('app.info', {})).resolves.toMatchObject({ ok: true, value: { sandbox: true } });
    const status = await core.invoke('sandbox.status', {});
    expect(status).toMatchObject({ ok: true, value: { enabled: true, baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), demo: { phoneNumberId: DEMO.phoneNumberId } } });
    expect(existsSync(join(temp.dir, SANDBOX_DATABASE_FILE))).toBe(true);
    expect(existsSync(join(temp.dir, DATABASE_FILE))).toBe(false);

    const meta = core.context().meta;
    const client = await meta.client();
    const sent = await client.sendTemplate(meta.account().phoneNumberId, {
      to: '+55 11 98765-4321',
      name: 'pedido_confirmado',
      language: 'pt_BR',
      components: [{ type: 'body', parameters: ['Maria', '1042', '189,90', '12/05'].map((text) => ({ type: 'text' as const, text })) }],
    });
    expect(sent.waId).toBe(DEMO.customers.maria.waId);
    expect(meta.appSecret()).toBe(DEMO.appSecret);
    const sandbox = await meta.sandbox();
    expect(sandbox?.control.sent()[0]?.rendered).toContain('Seu pedido #1042 foi confirmado!');

    const baseUrl = (status as { value: { baseUrl: string } }).value.baseUrl;
    await core.close();
    expect(await refuses(baseUrl)).toBe(true);
  });

  it('switches to live mode on its own database, stopping the emulator, and remembers the choice', async () => {
    temp = makeTempDir();
    const first = openTempCore(temp.dir);
    const seen: unknown[] = [];
    first.core.subscribe((name, payload) => seen.push({ name, payload }));
    const before = (await first.core.invoke('sandbox.status', {})) as { value: { baseUrl: string } };
    await expect(first.core.invoke('sandbox.setMode', { enabled: false })).resolves.toEqual({ ok: true, value: { enabled: false, baseUrl: null, demo: null } });
    expect(seen.filter((e) => (e as { name: string }).name === 'sandbox.modeChanged')).toEqual([
      { name: 'sandbox.modeChanged', payload: { enabled: false } },
    ]);
    expect(await refuses(before.value.baseUrl)).toBe(true);
    expect(existsSync(join(temp.dir, DATABASE_FILE))).toBe(true);
    await expect(first.core.invoke('app.info', {})).resolves.toMatchObject({ value: { sandbox: false } });
    expect(first.core.context().meta.account().phoneNumberId).toBe('');
    await first.core.close();

    const second = openTempCore(temp.dir);
    await expect(second.core.invoke('app.info', {})).resolves.toMatchObject({ value: { sandbox: false } });
    await second.core.close();
  });

  it('starts in live mode when credentials already exist', async () => {
    temp = makeTempDir();
    const setup = openTempCore(temp.dir);
    await setup.core.close();
    // An install from before Sandbox mode: credentials stored, no sandbox setting yet.
    setup.settingsStore.delete('sandbox');
    setup.secrets.set('accessToken', 'EAAGrealtokenvalue1234567890');
    const { core } = openTempCore(temp.dir);
    await expect(core.invoke('sandbox.status', {})).resolves.toMatchObject({ value: { enabled: false } });
    await core.close();
  });
});
