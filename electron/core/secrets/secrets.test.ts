import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract';
import { createMemoryStore } from '../platform/key-value-store';
import { createLogger, memorySink } from '../platform/logger';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { createFileKeyCipher, KEY_FILE_NAME } from './aes-gcm-file-cipher';
import { createEncryptedSecretStore } from './secret-store';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

const TOKEN = 'EAAGm0PX4ZCpsBAKZCRealLookingTokenValue1234567890abcdWXYZ';
const APP_SECRET = '0123456789abcdef0123456789abcdef';

describe('file-key secret store', () => {
  it('round-trips a secret and never stores it in clear', () => {
    temp = makeTempDir();
    const kv = createMemoryStore();
    const store = createEncryptedSecretStore(kv, createFileKeyCipher(temp.dir), createLogger(memorySink()));
    store.set('accessToken', TOKEN);
    expect(store.get('accessToken')).toBe(TOKEN);
    expect(JSON.stringify(kv.get('secrets.accessToken'))).not.toContain(TOKEN.slice(4, 20));
    expect(store.summary('accessToken')).toEqual({ set: true, last4: 'WXYZ' });
    store.delete('accessToken');
    expect(store.summary('accessToken')).toEqual({ set: false, last4: null });
  });

  it('creates the key file readable by its owner only', () => {
    temp = makeTempDir();
    createFileKeyCipher(temp.dir);
    const file = join(temp.dir, KEY_FILE_NAME);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the same key across restarts, so secrets survive', () => {
    temp = makeTempDir();
    const kv = createMemoryStore();
    createEncryptedSecretStore(kv, createFileKeyCipher(temp.dir), createLogger(memorySink())).set('appSecret', APP_SECRET);
    const reopened = createEncryptedSecretStore(kv, createFileKeyCipher(temp.dir), createLogger(memorySink()));
    expect(reopened.get('appSecret')).toBe(APP_SECRET);
  });

  it('treats a ciphertext moved to another name, or from another key, as not set', () => {
    temp = makeTempDir();
    const kv = createMemoryStore();
    const sink = memorySink();
    const store = createEncryptedSecretStore(kv, createFileKeyCipher(temp.dir), createLogger(sink));
    store.set('accessToken', TOKEN);
    kv.set('secrets.appSecret', kv.get('secrets.accessToken'));
    expect(store.get('appSecret')).toBeNull();

    const other = makeTempDir();
    const foreign = createEncryptedSecretStore(kv, createFileKeyCipher(other.dir), createLogger(memorySink()));
    expect(foreign.get('accessToken')).toBeNull();
    other.remove();
    kv.set('secrets.verifyToken', 'safeStorage.v1:AAAA');
    expect(store.get('verifyToken')).toBeNull();
    expect(sink.lines.join()).toContain('another cipher');
  });
});

describe('secrets through the contract', () => {
  it('never appear in clear in any contract answer, event or log line', async () => {
    temp = makeTempDir();
    const { core, logLines } = openTempCore(temp.dir);
    const pushed: string[] = [];
    core.subscribe((name, payload) => pushed.push(JSON.stringify({ name, payload })));
    const saved = await core.invoke('credentials.save', {
      accessToken: TOKEN,
      appSecret: APP_SECRET,
      phoneNumberId: '995578186971989',
      appId: '123456789012345',
      businessAccountId: '102290129340398',
      apiVersion: 'v23.0',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { accessToken: { set: true, last4: 'WXYZ' }, appSecret: { set: true, last4: 'cdef' } },
    });
    const answers = [JSON.stringify(saved)];
    for (const name of METHOD_NAMES) answers.push(JSON.stringify(await core.invoke(name, {})));
    const everything = [...answers, ...pushed, ...logLines].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(APP_SECRET);
    expect(everything).not.toContain(TOKEN.slice(0, 12));
    const settingsFile = readFileSync(join(temp.dir, 'settings.json'), 'utf8');
    expect(settingsFile).not.toContain(TOKEN);
    expect(settingsFile).not.toContain(APP_SECRET);
    await core.close();
  });

  it('keeps a secret when the save omits it and removes it on null', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const fields = { phoneNumberId: '995578186971989', appId: '', businessAccountId: '', apiVersion: 'v23.0' };
    await core.invoke('credentials.save', { ...fields, accessToken: TOKEN });
    await expect(core.invoke('credentials.save', fields)).resolves.toMatchObject({
      ok: true,
      value: { accessToken: { set: true } },
    });
    await expect(core.invoke('credentials.save', { ...fields, accessToken: null })).resolves.toMatchObject({
      ok: true,
      value: { accessToken: { set: false, last4: null } },
    });
    await core.close();
  });

  it('refuses malformed credentials with a key per field', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    const answer = await core.invoke('credentials.save', {
      phoneNumberId: '99-55',
      appId: '',
      businessAccountId: '',
      apiVersion: '23',
      appSecret: 'not-hex',
      accessToken: 'short',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    const keys = (answer as { error: { details: { issues: { path: string; key: string }[] } } }).error.details.issues.map(
      (i) => `${i.path}:${i.key}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'phoneNumberId:validation.numericId',
        'apiVersion:validation.apiVersion',
        'appSecret:validation.appSecret',
        'accessToken:validation.accessToken',
      ]),
    );
    await core.close();
  });
});

describe('a damaged key file', () => {
  it('is kept aside and replaced; the secrets it sealed read as not set, nothing crashes', () => {
    temp = makeTempDir();
    const store = createMemoryStore();
    const logger = createLogger(memorySink());
    createEncryptedSecretStore(store, createFileKeyCipher(temp.dir), logger).set('accessToken', 'EAAG-sealed-with-the-old-key');
    writeFileSync(join(temp.dir, KEY_FILE_NAME), 'not hex at all');
    const damaged: string[] = [];
    const secrets = createEncryptedSecretStore(store, createFileKeyCipher(temp.dir, (keptAs) => damaged.push(keptAs)), logger);
    expect(damaged).toHaveLength(1);
    expect(existsSync(damaged[0]!)).toBe(true);
    expect(secrets.get('accessToken')).toBeNull();
    // The new key works: a secret typed again is kept.
    secrets.set('accessToken', 'EAAG-typed-again');
    expect(createEncryptedSecretStore(store, createFileKeyCipher(temp.dir), logger).get('accessToken')).toBe('EAAG-typed-again');
  });
});
