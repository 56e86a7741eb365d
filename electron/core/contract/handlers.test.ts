import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus';
import { mergeHandlers, type HandlersFor, type SharedMethod } from './handlers';
import { openConfStore } from '../platform/conf-store';
import { systemClock } from '../platform/clock';
import { createLogger, memorySink } from '../platform/logger';
import { createFileKeyCipher } from '../secrets/aes-gcm-file-cipher';
import { createEncryptedSecretStore } from '../secrets/secret-store';
import { openSession } from '../session';
import { createSettingsService } from '../settings/settings-service';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

const unused = (): never => {
  throw new Error('never called: the session must refuse to start first');
};

describe('the handler map', () => {
  it('refuses a method two features both answer, naming it', () => {
    const status = { show: false, outcome: 'completed' as const };
    const first: HandlersFor<'wizard.status'> = { 'wizard.status': () => status };
    const second: HandlersFor<'wizard.status' | 'wizard.reopen'> = { 'wizard.status': () => status, 'wizard.reopen': () => status };
    expect(() => mergeHandlers(first, second)).toThrow('Handler declared twice: wizard.status');
    expect(Object.keys(mergeHandlers(first, { 'wizard.reopen': second['wizard.reopen'] }))).toEqual(['wizard.status', 'wizard.reopen']);
  });

  it('makes a session with a duplicate method fail at start-up', () => {
    temp = makeTempDir();
    const logger = createLogger(memorySink(), 'debug');
    const settingsStore = openConfStore(temp.dir);
    // A host's shared handlers that also answer a session method (wizard.status): with object
    // spreads the later one silently won; now opening the session throws.
    const shared = {
      'backup.overview': unused,
      'backup.runNow': unused,
      'backup.export': unused,
      'backup.restore': unused,
      'app.notices': unused,
      'app.dismissNotice': unused,
      'wizard.status': unused,
    };
    const sharedHandlers: HandlersFor<SharedMethod> = shared;
    const databaseFile = join(temp.dir, 'recado.sqlite');
    expect(() =>
      openSession({
        host: { kind: 'web', version: '0.0.0-test', dataDir: temp!.dir },
        migrationsDir: MIGRATIONS_DIR,
        databaseFile,
        sandbox: false,
        settings: createSettingsService(settingsStore, logger),
        secrets: createEncryptedSecretStore(settingsStore, createFileKeyCipher(temp!.dir), logger),
        events: createEventBus(logger),
        clock: systemClock,
        random: Math.random,
        logger,
        switchMode: unused,
        sharedHandlers,
      }),
    ).toThrow('Handler declared twice: wizard.status');
  });
});
