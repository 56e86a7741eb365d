import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { Core } from '../create-core';
import { createManualClock } from '../tunnel/testing/manual-clock';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { BACKUP_INTERVAL_MS, BACKUPS_KEPT } from './backup-service';

const TOKEN = 'EAAGbackupTestTokenValue1234567890WXYZ';

/** A typed contract call that fails the test (CallError) on an error envelope. */
const call = <N extends MethodName>(core: Core, method: N, input: InputOf<N>): Promise<OutputOf<N>> => core.client.call(method, input);
const temps: ReturnType<typeof makeTempDir>[] = [];
const cores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const temp of temps.splice(0)) temp.remove();
});

function folder() {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

function open(dataDir: string, options: Parameters<typeof openTempCore>[1] = { mode: 'live' }) {
  const opened = openTempCore(dataDir, options);
  cores.push(opened.core);
  return opened;
}

async function closeLast() {
  await cores.pop()?.close();
}

/** A live install with data, settings and a secret. */
async function shopWithData(dataDir: string) {
  const { core, secrets } = open(dataDir);
  secrets.set('accessToken', TOKEN);
  expect(await core.invoke('blacklist.add', { phone: '+5511987654321', reason: 'pediu para sair' })).toMatchObject({ ok: true });
  const dispatch = await call(core, 'dispatch.getSettings', {});
  expect(await core.invoke('dispatch.saveSettings', { ...dispatch, maxPerBatch: 7 })).toMatchObject({ ok: true });
  return core;
}

describe('backup and move to another PC', () => {
  it('exports the database and settings to one 0600 file, never the secrets', async () => {
    const core = await shopWithData(folder());
    const { file, bytes } = await call(core, 'backup.export', {});
    expect(file).toMatch(/exports[/\\]recado-export-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.recado-backup$/);
    expect(bytes).toBeGreaterThan(0);
    expect(readFileSync(file).includes(TOKEN)).toBe(false);
    expect(readFileSync(file).includes('secrets.')).toBe(false);
    const db = new Database(file, { readonly: true });
    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM recado_backup').all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value)]));
    const blacklisted = db.prepare('SELECT COUNT(*) AS n FROM blacklist').get() as { n: number };
    db.close();
    expect(meta).toMatchObject({ format: 1, appVersion: '0.0.0-test', schemaVersion: expect.any(Number) });
    expect(meta.settings.dispatch.maxPerBatch).toBe(7);
    expect(Object.keys(meta.settings)).not.toContain('secrets');
    expect(blacklisted.n).toBe(1);
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it('restores into a fresh data folder at the next start: data and settings back, secrets to be entered again', async () => {
    const exported = await call(await shopWithData(folder()), 'backup.export', {});

    const fresh = folder();
    const before = open(fresh);
    expect(await before.core.invoke('backup.restore', { file: exported.file })).toMatchObject({
      ok: true,
      value: { restartRequired: true, appVersion: '0.0.0-test' },
    });
    await closeLast();

    const after = open(fresh);
    const list = await after.core.invoke('blacklist.list', {});
    expect(JSON.stringify(list)).toContain('+5511987654321');
    expect(await after.core.invoke('dispatch.getSettings', {})).toMatchObject({ ok: true, value: { maxPerBatch: 7 } });
    expect(await after.core.invoke('credentials.get', {})).toMatchObject({ ok: true, value: { accessToken: { set: false } } });
    // Applied once: the staged file is gone.
    expect(readdirSync(fresh)).not.toContain('restore-pending.recado-backup');
  });

  it('refuses a file made by a newer Recado with a clear message, and a file that is no backup', async () => {
    const core = await shopWithData(folder());
    const exported = await call(core, 'backup.export', {});
    const db = new Database(exported.file);
    db.prepare("UPDATE recado_backup SET value = ? WHERE key = 'schemaVersion'").run(JSON.stringify(Date.UTC(2099, 0, 1)));
    db.prepare("UPDATE recado_backup SET value = ? WHERE key = 'appVersion'").run(JSON.stringify('9.9.0'));
    db.close();
    expect(await core.invoke('backup.restore', { file: exported.file })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { key: 'tools.backup.errors.newerThanApp', backupVersion: '9.9.0' } },
    });
    const junk = join(folder(), 'notes.recado-backup');
    writeFileSync(junk, 'not a database');
    expect(await core.invoke('backup.restore', { file: junk })).toMatchObject({ ok: false, error: { details: { key: 'tools.backup.errors.notBackup' } } });
    expect(await core.invoke('backup.restore', { file: join(folder(), 'missing') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Nothing was staged.
    expect(readdirSync(core.context().host.dataDir)).not.toContain('restore-pending.recado-backup');
  });

  it('a fresh Sandbox-only install has nothing to back up yet, and says so', async () => {
    const { core } = open(folder(), {});
    expect(await core.invoke('backup.export', {})).toMatchObject({ ok: false, error: { code: 'not_found', details: { key: 'tools.backup.errors.nothingYet' } } });
  });

  it('backs up daily with the online backup API and keeps the newest seven', async () => {
    const dataDir = folder();
    const clock = createManualClock(Date.UTC(2026, 11, 1, 9, 0, 0));
    const { core } = open(dataDir, { mode: 'live', clock });
    core.backups.start();
    const files = () => readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.recado-backup'));
    await clock.advance(2 * 60 * 1000);
    await vi.waitFor(() => expect(files()).toEqual(['recado-2026-12-01T09-02-00Z.recado-backup']));
    for (let day = 2; day <= 9; day++) {
      await clock.advance(BACKUP_INTERVAL_MS);
      // Wait until that day's backup is written and the old ones pruned.
      await vi.waitFor(() => {
        expect(files()).toContain(`recado-2026-12-0${day}T09-02-00Z.recado-backup`);
        expect(files()).toHaveLength(Math.min(day, BACKUPS_KEPT));
      });
    }
    const overview = await call(core, 'backup.overview', {});
    expect(overview.backups).toHaveLength(BACKUPS_KEPT);
    expect(overview.lastRun).toMatchObject({ ok: true, error: null });
    // Newest first; the two oldest days were pruned.
    expect(overview.backups[0]!.file).toContain('2026-12-09T09-02-00Z');
    expect(overview.backups.at(-1)!.file).toContain('2026-12-03T09-02-00Z');
  });
});

