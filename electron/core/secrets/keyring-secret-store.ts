import { SECRET_NAMES, type SecretName } from '../../../shared/settings/credentials';
import type { KeyValueStore } from '../platform/key-value-store';
import type { Logger } from '../platform/logger';
import type { SecretCipher, SecretStore } from './secret-store';

/**
 * A cipher whose operations are asynchronous (Electron's `safeStorage.encryptStringAsync`).
 * `decrypt` may say the value should be written again (the OS rotated the key).
 */
export interface AsyncSecretCipher {
  readonly scheme: string;
  encrypt(plain: string, context: string): Promise<string>;
  decrypt(payload: string, context: string): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

/** A synchronous cipher (the file-key AES-GCM one) seen as an asynchronous one. */
export function asAsyncCipher(cipher: SecretCipher): AsyncSecretCipher {
  return {
    scheme: cipher.scheme,
    encrypt: async (plain, context) => cipher.encrypt(plain, context),
    decrypt: async (payload, context) => ({ plain: cipher.decrypt(payload, context), shouldReEncrypt: false }),
  };
}

/** Which scheme protects each stored secret (null: not set). */
export type SecretSchemes = Record<SecretName, string | null>;

export interface KeyringSecretStore extends SecretStore {
  /** Writes queued by `set` are done (call before quitting). Rejects with the first write failure. */
  flush(): Promise<void>;
  /** The scheme each secret is stored under now. */
  schemes(): SecretSchemes;
  /** The scheme new secrets are written with. */
  readonly preferredScheme: string;
}

const storageKey = (name: SecretName) => `secrets.${name}`;

/**
 * Secrets for the desktop app, where the OS keyring's API is asynchronous: every secret is
 * decrypted once at start into memory (the core reads them synchronously), and each `set` is
 * encrypted and written in the background, in order. The scheme is written in front of each
 * ciphertext (`<scheme>:<payload>`), so values written by a fallback cipher are still read, and —
 * once the preferred cipher (the keyring) is available — written again with it: a keyring that
 * appears later migrates the secrets without losing any. A value no cipher can read counts as not
 * set, with a warning (like `createEncryptedSecretStore`).
 */
export async function openKeyringSecretStore(
  kv: KeyValueStore,
  options: { preferred: AsyncSecretCipher; readable: AsyncSecretCipher[]; logger: Logger },
): Promise<KeyringSecretStore> {
  const { preferred, logger } = options;
  const ciphers = new Map([...options.readable, preferred].map((c) => [c.scheme, c]));
  const cache = new Map<SecretName, string>();
  const schemes = Object.fromEntries(SECRET_NAMES.map((name) => [name, null])) as SecretSchemes;
  let writes: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const write = (name: SecretName, value: string | null) => {
    writes = writes.then(async () => {
      try {
        if (value === null) {
          kv.delete(storageKey(name));
          schemes[name] = null;
          return;
        }
        const payload = await preferred.encrypt(value, name);
        // A later `set` or `delete` of the same name wins: only write what is still current.
        if (cache.get(name) !== value) return;
        kv.set(storageKey(name), `${preferred.scheme}:${payload}`);
        schemes[name] = preferred.scheme;
      } catch (error) {
        failure ??= error;
        logger.error('a secret could not be saved encrypted; it stays in memory until Recado quits', { name, error: errorName(error) });
      }
    });
  };

  for (const name of SECRET_NAMES) {
    const stored = kv.get(storageKey(name));
    if (typeof stored !== 'string' || stored === '') continue;
    const scheme = stored.slice(0, Math.max(0, stored.indexOf(':')));
    const cipher = ciphers.get(scheme);
    if (!cipher) {
      logger.warn('secret stored by an unknown cipher; treating it as not set', { name, scheme });
      continue;
    }
    try {
      const { plain, shouldReEncrypt } = await cipher.decrypt(stored.slice(scheme.length + 1), name);
      logger.redact(plain);
      cache.set(name, plain);
      schemes[name] = scheme;
      if (scheme !== preferred.scheme || shouldReEncrypt) {
        logger.info('secret re-encrypted with the preferred scheme', { name, from: scheme, to: preferred.scheme });
        write(name, plain);
      }
    } catch (error) {
      logger.warn('secret could not be decrypted; treating it as not set', { name, scheme, error: errorName(error) });
    }
  }
  await writes;

  const get = (name: SecretName) => cache.get(name) ?? null;
  return {
    preferredScheme: preferred.scheme,
    get,
    set(name, value) {
      logger.redact(value);
      cache.set(name, value);
      write(name, value);
    },
    delete(name) {
      cache.delete(name);
      write(name, null);
    },
    summary(name) {
      const value = get(name);
      return value === null ? { set: false, last4: null } : { set: true, last4: value.slice(-4) };
    },
    async flush() {
      await writes;
      if (failure !== null) throw failure;
    },
    schemes: () => ({ ...schemes }),
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
