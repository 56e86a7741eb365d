import type { SecretName, SecretSummary } from '../../../shared/settings/credentials';
import type { KeyValueStore } from '../platform/key-value-store';
import type { Logger } from '../platform/logger';

/**
 * Encrypts and decrypts one secret. The host supplies it: Electron's `safeStorage` (OS keychain)
 * on the desktop, AES-256-GCM with a 0600 key file in the web host. `context` is the secret's
 * name; ciphers that can bind it (AES-GCM's associated data) do, so a value cannot be moved to
 * another name.
 */
export interface SecretCipher {
  /** Written in front of every ciphertext, so a value from another cipher is recognised. */
  readonly scheme: string;
  encrypt(plain: string, context: string): string;
  decrypt(payload: string, context: string): string;
}

/** The core's only way to touch secrets. */
export interface SecretStore {
  get(name: SecretName): string | null;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
  /** What the renderer may see: whether it is set, and its last 4 characters. */
  summary(name: SecretName): SecretSummary;
}

const storageKey = (name: SecretName) => `secrets.${name}`;

/**
 * Keeps ciphertexts in the settings store. A value that cannot be decrypted (written by the other
 * host, or a different OS user) reads as "not set", with a warning in the log, never a crash.
 * Each secret is decrypted once and then kept in this process's memory (the webhook checks the
 * app secret on every callback; `safeStorage` may ask the OS keychain); saving refreshes it.
 */
export function createEncryptedSecretStore(kv: KeyValueStore, cipher: SecretCipher, logger: Logger): SecretStore {
  const plain = new Map<SecretName, string | null>();
  const get = (name: SecretName): string | null => {
    if (!plain.has(name)) plain.set(name, decryptStored(name));
    return plain.get(name) ?? null;
  };
  const decryptStored = (name: SecretName): string | null => {
    const stored = kv.get(storageKey(name));
    if (typeof stored !== 'string' || stored === '') return null;
    const prefix = `${cipher.scheme}:`;
    if (!stored.startsWith(prefix)) {
      logger.warn('secret stored by another cipher; treating it as not set', { name, scheme: stored.split(':')[0] });
      return null;
    }
    try {
      const value = cipher.decrypt(stored.slice(prefix.length), name);
      logger.redact(value);
      return value;
    } catch (error) {
      logger.warn('secret could not be decrypted; treating it as not set', { name, error: errorName(error) });
      return null;
    }
  };

  return {
    get,
    set(name, value) {
      logger.redact(value);
      kv.set(storageKey(name), `${cipher.scheme}:${cipher.encrypt(value, name)}`);
      plain.delete(name);
    },
    delete(name) {
      kv.delete(storageKey(name));
      plain.delete(name);
    },
    summary(name) {
      const value = get(name);
      return value === null ? { set: false, last4: null } : { set: true, last4: value.slice(-4) };
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
