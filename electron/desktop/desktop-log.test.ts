import log from 'electron-log/node';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_NAMES } from '../../shared/settings/credentials';
import { createMemoryStore } from '../core/platform/key-value-store';
import { createLogger, createRedactor } from '../core/platform/logger';
import { createFileKeyCipher } from '../core/secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../core/secrets/secret-store';
import { makeTempDir } from '../core/testing/temp-core';
import { configureDesktopLog, DESKTOP_LOG_FILE, setDesktopLogLevel } from './desktop-log';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

/** A fresh electron-log instance (the module's default one is shared process-wide). */
function freshLog(id: string) {
  const instance = log.create({ logId: id });
  instance.transports.console.level = false;
  return instance;
}

/** electron-log writes asynchronously; wait until the file has settled. */
async function settled(file: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const now = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (now !== '' && now === last) return now;
    last = now;
  }
  return last;
}

describe('desktop log (electron-log)', () => {
  it('never writes a secret, whatever path it takes to the file', async () => {
    temp = makeTempDir();
    const instance = freshLog('secrets');
    const redactor = createRedactor();
    const sink = configureDesktopLog(instance, { dir: temp.dir, level: 'debug', redactor, console: false });
    const logger = createLogger(sink, 'debug', redactor);
    const store = createEncryptedSecretStore(createMemoryStore(), createFileKeyCipher(temp.dir), logger);
    const values = Object.fromEntries(SECRET_NAMES.map((name, i) => [name, `${name}-SeCrEt-${i}-0123456789abcdef`]));
    // Every secret the app has, stored the way the app stores it (which registers it for redaction).
    for (const name of SECRET_NAMES) store.set(name, values[name]!);

    for (const [name, value] of Object.entries(values)) {
      // Core logger: in the message, in an ordinary field, in a secret-named field, inside an error.
      logger.debug(`calling with ${value}`, { url: `https://graph.example/?access_token=${value}` });
      logger.info('saved', { [name]: value, note: `value ${value}`, nested: { deeper: [value] } });
      logger.warn('failed', { error: new Error(`Meta refused ${value}`) });
      logger.error('crashed', { details: { authorization: `Bearer ${value}` } });
      // Straight through electron-log, as an uncaught error or a stray log call would go.
      instance.error(new Error(`uncaught with ${value}`));
      instance.warn('plain string with', value, { token: value, list: [value] });
      instance.info({ message: value });
    }
    const text = await settled(join(temp.dir, DESKTOP_LOG_FILE));
    expect(text).toContain('[redacted]');
    expect(text).toContain('calling with');
    for (const value of Object.values(values)) expect(text).not.toContain(value);
  });

  it('rotates by size and follows the level setting', async () => {
    temp = makeTempDir();
    const instance = freshLog('rotation');
    const sink = configureDesktopLog(instance, { dir: temp.dir, level: 'warn', redactor: createRedactor(), console: false });
    instance.transports.file.maxSize = 2_000;
    const logger = createLogger(sink, 'debug');
    logger.info('below the level');
    for (let i = 0; i < 60; i++) logger.warn(`line ${i} ${'x'.repeat(60)}`);
    setDesktopLogLevel(instance, 'info');
    logger.info('now shown');
    const text = await settled(join(temp.dir, DESKTOP_LOG_FILE));
    expect(readdirSync(temp.dir).sort()).toEqual(['recado.log', 'recado.old.log']);
    const all = text + readFileSync(join(temp.dir, 'recado.old.log'), 'utf8');
    expect(all).not.toContain('below the level');
    expect(text).toContain('now shown');
  });
});
