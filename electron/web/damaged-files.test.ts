import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartupNotice } from '../../shared/contract/methods/app';
import { DEFAULT_DISPATCH_SETTINGS } from '../../shared/settings/dispatch';
import type { Core } from '../core/create-core';
import { SETTINGS_FILE } from '../core/platform/conf-store';
import { KEY_FILE_NAME } from '../core/secrets/aes-gcm-file-cipher';
import { makeTempDir, MIGRATIONS_DIR } from '../core/testing/temp-core';
import { openWebCore } from './open-web-core';
import { createWebApp } from './web-app';

// Fault suite (issue 13): a corrupt settings file and a corrupt secret key file. The web host
// starts on defaults, keeps the damaged copies, and the contract reports a notice for each.

let temp: ReturnType<typeof makeTempDir> | undefined;
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  temp?.remove();
  core = temp = undefined;
});

const TOKEN = 'test-token-damaged-1';

async function startOn(dataDir: string) {
  const staticDir = join(dataDir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Recado</title>');
  const opened = openWebCore({ dataDir, migrationsDir: MIGRATIONS_DIR, version: 'test' });
  core = opened.core;
  // The web host's app without a port (web-host.test.ts serves it over loopback).
  const app = createWebApp({ core, logger: opened.logger, staticDir, token: TOKEN, allowedHosts: () => new Set(['127.0.0.1:4123']) });
  return async <T>(method: string, input: unknown = {}): Promise<T> => {
    const answer = await app.request(`/api/${method}`, {
      method: 'POST',
      headers: { host: '127.0.0.1:4123', authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const envelope = (await answer.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as T;
  };
}

describe('damaged files at start-up', () => {
  it('a settings file cut by a crash: starts on defaults, keeps the copy, reports a notice until dismissed', async () => {
    temp = makeTempDir('recado-damaged-');
    writeFileSync(join(temp.dir, SETTINGS_FILE), '{"dispatch": {"pollingIntervalSeconds": 12, "minDel');
    const call = await startOn(temp.dir);
    const notices = await call<StartupNotice[]>('app.notices');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'settings_damaged' });
    expect(readFileSync(notices[0]!.keptAs, 'utf8')).toContain('pollingIntervalSeconds": 12');
    // Defaults, and the app works: a setting saves and reads back.
    expect(await call('dispatch.getSettings')).toEqual(DEFAULT_DISPATCH_SETTINGS);
    expect(await call('app.info')).toMatchObject({ name: 'Recado', host: 'web' });
    expect(await call<StartupNotice[]>('app.dismissNotice', { id: notices[0]!.id })).toEqual([]);
    expect(await call<StartupNotice[]>('app.notices')).toEqual([]);
  });

  it('a damaged secret key file: a new key, the copy kept, a notice', async () => {
    temp = makeTempDir('recado-damaged-');
    writeFileSync(join(temp.dir, KEY_FILE_NAME), 'not a key at all');
    const call = await startOn(temp.dir);
    const notices = await call<StartupNotice[]>('app.notices');
    expect(notices.map((n) => n.kind)).toEqual(['secret_key_damaged']);
    expect(readFileSync(notices[0]!.keptAs, 'utf8')).toBe('not a key at all');
    expect(readFileSync(join(temp.dir, KEY_FILE_NAME), 'utf8')).toMatch(/^[0-9a-f]{64}\s*$/);
  });

  it('both damaged at once: two notices, and a healthy folder has none', async () => {
    temp = makeTempDir('recado-damaged-');
    writeFileSync(join(temp.dir, SETTINGS_FILE), '\u0000\u0000\u0000');
    writeFileSync(join(temp.dir, KEY_FILE_NAME), 'zz');
    let call = await startOn(temp.dir);
    expect((await call<StartupNotice[]>('app.notices')).map((n) => n.kind).sort()).toEqual(['secret_key_damaged', 'settings_damaged']);
    await core?.close();
    core = undefined;
    // The next start finds the files it rewrote healthy: nothing to say.
    call = await startOn(temp.dir);
    expect(await call<StartupNotice[]>('app.notices')).toEqual([]);
  });
});
