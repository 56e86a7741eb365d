import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { LOG_FILE } from './paths';
import { createLogger, fileSink } from './logger';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder permissions (POSIX)', () => {
  it('creates the folder 0700 and the database, WAL, SHM, settings and key files 0600', async () => {
    temp = makeTempDir();
    const dataDir = join(temp.dir, 'Recado');
    const { core, secrets } = openTempCore(dataDir, { mode: 'live' });
    secrets.set('accessToken', 'EAAGfilemodetest123456');
    const logger = createLogger(fileSink(join(dataDir, LOG_FILE)));
    logger.info('written');
    expect(mode(dataDir)).toBe(0o700);
    for (const file of ['recado.sqlite', 'recado.sqlite-wal', 'recado.sqlite-shm', 'settings.json', 'secret.key', LOG_FILE]) {
      expect(mode(join(dataDir, file)), file).toBe(0o600);
    }
    await core.close();
  });

  it('tightens a folder and database left world-readable by an older version', async () => {
    temp = makeTempDir();
    const first = openTempCore(temp.dir, { mode: 'live' });
    await first.core.close();
    const { chmodSync } = await import('node:fs');
    chmodSync(temp.dir, 0o755);
    chmodSync(join(temp.dir, 'recado.sqlite'), 0o644);
    chmodSync(join(temp.dir, 'settings.json'), 0o644);
    const second = openTempCore(temp.dir, { mode: 'live' });
    second.secrets.set('appSecret', 'tightened-secret-value');
    expect(mode(temp.dir)).toBe(0o700);
    expect(mode(join(temp.dir, 'recado.sqlite'))).toBe(0o600);
    expect(mode(join(temp.dir, 'settings.json'))).toBe(0o600);
    await second.core.close();
  });
});
