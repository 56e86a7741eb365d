import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SecretCipher } from './secret-store';
import { ensurePrivateDir, tighten } from '../platform/private-files';

export const KEY_FILE_NAME = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key kept in `<dataDir>/secret.key`, created readable by its owner
 * only (0600). Used by the web host, which has no OS keychain at hand. The secret's name is the
 * associated data, so a ciphertext copied to another name fails to decrypt. A damaged key file
 * (not 32 bytes of hex) does not stop the app: it is kept beside as `secret.key.damaged-<time>`,
 * a new key is made, and `onDamaged` is told; the secrets it sealed then read as "not set" (the
 * owner types them again) instead of crashing the app.
 */
export function createFileKeyCipher(dataDir: string, onDamaged?: (keptAs: string) => void): SecretCipher {
  const file = join(dataDir, KEY_FILE_NAME);
  let key: Buffer;
  try {
    key = loadOrCreateKey(file);
  } catch (error) {
    if (!(error instanceof DamagedKeyError)) throw error;
    const keptAs = `${file}.damaged-${Date.now()}`;
    renameSync(file, keptAs);
    onDamaged?.(keptAs);
    key = loadOrCreateKey(file);
  }
  return {
    scheme: 'aes256gcm.v1',
    encrypt(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(payload, context) {
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

function loadOrCreateKey(file: string): Buffer {
  ensurePrivateDir(join(file, '..'));
  try {
    // `wx` fails if the file exists, so two hosts starting at once cannot overwrite each other's key.
    writeFileSync(file, randomBytes(KEY_BYTES).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  tighten(file, 0o600);
  const text = readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, 'hex');
  if (key.length !== KEY_BYTES || text.length !== KEY_BYTES * 2) throw new DamagedKeyError(`${file} is damaged: expected a ${KEY_BYTES}-byte key`);
  return key;
}

class DamagedKeyError extends Error {}
