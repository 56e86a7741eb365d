import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/secrets/secret-store';

/**
 * Secrets encrypted by the OS (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux)
 * through Electron's safeStorage. Refuses to store anything when the OS offers no encryption
 * rather than silently writing plaintext (Linux's "basic_text" fallback).
 */
export function createSafeStorageCipher(): SecretCipher {
  const ensureAvailable = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The operating system offers no encryption for secrets (safeStorage unavailable).');
    }
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new Error('No system keyring found: install and unlock gnome-keyring or kwallet to store secrets.');
    }
  };
  return {
    scheme: 'safeStorage.v1',
    encrypt(plain) {
      ensureAvailable();
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(payload) {
      ensureAvailable();
      return safeStorage.decryptString(Buffer.from(payload, 'base64'));
    },
  };
}
