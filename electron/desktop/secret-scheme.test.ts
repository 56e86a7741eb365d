import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../core/platform/conf-store';
import { createLogger, memorySink } from '../core/platform/logger';
import { makeTempDir } from '../core/testing/temp-core';
import { chooseSecretProtection, openDesktopSecrets, type SafeStorageApi } from './secret-scheme';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

const TOKEN = 'EAAGkeyringTestTokenValue1234567890WXYZ';
const APP_SECRET = 'appsecret0123456789abcdef';

/**
 * Electron's safeStorage as it behaves from outside: real encryption with a key the "keyring"
 * holds (the same key while the keyring stays), a backend name, and async availability.
 */
function fakeSafeStorage(backend: string, keyringKey: Buffer, available = true): SafeStorageApi {
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    async encryptStringAsync(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', keyringKey, iv);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.update(plain, 'utf8'), cipher.final()]);
    },
    async decryptStringAsync(data) {
      const decipher = createDecipheriv('aes-256-cbc', keyringKey, data.subarray(3, 19));
      return { result: Buffer.concat([decipher.update(data.subarray(19)), decipher.final()]).toString('utf8'), shouldReEncrypt: false };
    },
  };
}

async function open(dataDir: string, safeStorage: SafeStorageApi, platform: NodeJS.Platform = 'linux') {
  const kv = openConfStore(dataDir);
  const sink = memorySink();
  const opened = await openDesktopSecrets({ safeStorage, platform, kv, dataDir, logger: createLogger(sink, 'debug') });
  return { ...opened, kv, logLines: sink.lines };
}

describe('secret scheme per safeStorage backend', () => {
  it.each([
    ['linux', 'gnome_libsecret', { scheme: 'keyring', backend: 'gnome_libsecret' }],
    ['linux', 'kwallet6', { scheme: 'keyring', backend: 'kwallet6' }],
    ['linux', 'basic_text', { scheme: 'file-key', reason: 'no_keyring', backend: 'basic_text' }],
    ['win32', 'unused', { scheme: 'keyring', backend: 'dpapi' }],
    ['darwin', 'unused', { scheme: 'keyring', backend: 'keychain' }],
  ] as const)('%s with %s', async (platform, backend, expected) => {
    expect(await chooseSecretProtection(fakeSafeStorage(backend, randomBytes(32)), platform)).toEqual(expected);
  });

  it('no encryption at all: still saves, with the file key', async () => {
    expect(await chooseSecretProtection(fakeSafeStorage('gnome_libsecret', randomBytes(32), false), 'linux')).toEqual({
      scheme: 'file-key',
      reason: 'encryption_unavailable',
      backend: 'gnome_libsecret',
    });
  });

  it('keyring present: secrets are written with safeStorage, never in clear', async () => {
    temp = makeTempDir();
    const { secrets, kv } = await open(temp.dir, fakeSafeStorage('gnome_libsecret', randomBytes(32)));
    secrets.set('accessToken', TOKEN);
    await secrets.flush();
    expect(kv.get('secrets.accessToken')).toMatch(/^safeStorage\.v1:/);
    expect(JSON.stringify(kv.get('secrets.accessToken'))).not.toContain(TOKEN);
    expect(secrets.schemes()).toMatchObject({ accessToken: 'safeStorage.v1', appSecret: null });
  });

  it('basic_text (no keyring): saves with the file key, says why, and a keyring appearing later migrates every secret', async () => {
    temp = makeTempDir();
    const first = await open(temp.dir, fakeSafeStorage('basic_text', randomBytes(32)));
    expect(first.protection).toEqual({ scheme: 'file-key', reason: 'no_keyring', backend: 'basic_text' });
    first.secrets.set('accessToken', TOKEN);
    first.secrets.set('appSecret', APP_SECRET);
    await first.secrets.flush();
    expect(first.kv.get('secrets.accessToken')).toMatch(/^aes256gcm\.v1:/);
    expect(first.secrets.schemes()).toMatchObject({ accessToken: 'aes256gcm.v1', appSecret: 'aes256gcm.v1' });
    expect(first.logLines.join('\n')).toContain('no system keyring');

    const keyring = fakeSafeStorage('gnome_libsecret', randomBytes(32));
    const second = await open(temp.dir, keyring);
    expect(second.secrets.get('accessToken')).toBe(TOKEN);
    expect(second.secrets.get('appSecret')).toBe(APP_SECRET);
    expect(second.secrets.schemes()).toMatchObject({ accessToken: 'safeStorage.v1', appSecret: 'safeStorage.v1' });
    expect(second.kv.get('secrets.accessToken')).toMatch(/^safeStorage\.v1:/);
    // And a third start reads them from the keyring alone.
    const third = await open(temp.dir, keyring);
    expect(third.secrets.summary('appSecret')).toEqual({ set: true, last4: 'cdef' });
  });

  it('keyring gone for a while: its secrets read as not set but stay stored, and come back with it', async () => {
    temp = makeTempDir();
    const keyring = fakeSafeStorage('kwallet5', randomBytes(32));
    const first = await open(temp.dir, keyring);
    first.secrets.set('accessToken', TOKEN);
    await first.secrets.flush();
    const without = await open(temp.dir, fakeSafeStorage('basic_text', randomBytes(32)));
    expect(without.secrets.get('accessToken')).toBeNull();
    expect(without.kv.get('secrets.accessToken')).toMatch(/^safeStorage\.v1:/);
    const back = await open(temp.dir, keyring);
    expect(back.secrets.get('accessToken')).toBe(TOKEN);
  });

  it('a delete right after a set leaves nothing stored', async () => {
    temp = makeTempDir();
    const { secrets, kv } = await open(temp.dir, fakeSafeStorage('gnome_libsecret', randomBytes(32)));
    secrets.set('verifyToken', 'verify-token-value-123');
    secrets.delete('verifyToken');
    await secrets.flush();
    expect(kv.get('secrets.verifyToken')).toBeUndefined();
    expect(secrets.get('verifyToken')).toBeNull();
  });
});
