import type { KeyValueStore } from '../core/platform/key-value-store';
import type { Logger } from '../core/platform/logger';
import { createFileKeyCipher } from '../core/secrets/aes-gcm-file-cipher';
import { asAsyncCipher, openKeyringSecretStore, type AsyncSecretCipher, type KeyringSecretStore } from '../core/secrets/keyring-secret-store';

/** The parts of Electron's `safeStorage` Recado uses (asynchronous API, Electron ≥ 36). */
export interface SafeStorageApi {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend(): string;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export const SAFE_STORAGE_SCHEME = 'safeStorage.v1';

/** How the desktop app protects secrets, and why. */
export type SecretProtection =
  | { scheme: 'keyring'; backend: string }
  /** No usable keyring: the file-key cipher protects them; `reason` is shown to the owner in words. */
  | { scheme: 'file-key'; reason: 'no_keyring' | 'encryption_unavailable'; backend: string };

/**
 * The OS keyring when it really encrypts; otherwise the file-key cipher (the web host's), never
 * refusing to save. On Linux, Electron's `basic_text` backend means no keyring was found (no
 * gnome-keyring/kwallet): its "encryption" uses a fixed password, so it is no protection.
 */
export async function chooseSecretProtection(safeStorage: SafeStorageApi, platform: NodeJS.Platform): Promise<SecretProtection> {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi';
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return { scheme: 'file-key', reason: 'encryption_unavailable', backend };
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) return { scheme: 'file-key', reason: 'no_keyring', backend };
  return { scheme: 'keyring', backend };
}

/** Electron's safeStorage as a cipher (ciphertext in base64). */
export function safeStorageCipher(safeStorage: SafeStorageApi): AsyncSecretCipher {
  return {
    scheme: SAFE_STORAGE_SCHEME,
    async encrypt(plain) {
      return (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(payload) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(payload, 'base64'));
      return { plain: result, shouldReEncrypt };
    },
  };
}

/**
 * The desktop app's secret store: the keyring when there is one (values the file-key cipher wrote
 * earlier are read and moved over), else the file-key cipher. Values the keyring wrote stay in the
 * settings file untouched while it is missing, so they come back when it does.
 */
export async function openDesktopSecrets(deps: {
  safeStorage: SafeStorageApi;
  platform: NodeJS.Platform;
  kv: KeyValueStore;
  dataDir: string;
  logger: Logger;
  /** The key file was damaged and replaced (see createFileKeyCipher). */
  onKeyDamaged?: (keptAs: string) => void;
}): Promise<{ secrets: KeyringSecretStore; protection: SecretProtection }> {
  const protection = await chooseSecretProtection(deps.safeStorage, deps.platform);
  const fileKey = asAsyncCipher(createFileKeyCipher(deps.dataDir, deps.onKeyDamaged));
  if (protection.scheme === 'file-key') {
    deps.logger.warn('no system keyring: secrets are protected by the key file in the data folder', { backend: protection.backend, reason: protection.reason });
  }
  const secrets = await openKeyringSecretStore(
    deps.kv,
    protection.scheme === 'keyring'
      ? { preferred: safeStorageCipher(deps.safeStorage), readable: [fileKey], logger: deps.logger }
      : { preferred: fileKey, readable: [], logger: deps.logger },
  );
  return { secrets, protection };
}
