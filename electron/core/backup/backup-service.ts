import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry, BackupOverview } from '../../../shared/contract/methods/backup';
import { AppError } from '../contract/app-error';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { DATABASE_FILE } from '../platform/paths';
import type { SettingsService } from '../settings/settings-service';
import { BACKUP_EXTENSION, inspectBackup, restoreDatabase, writeBackup } from './backup-file';

export const BACKUPS_FOLDER = 'backups';
export const EXPORTS_FOLDER = 'exports';
/** A restore chosen in the app, applied at the next start before the database opens. */
export const PENDING_RESTORE_FILE = `restore-pending${BACKUP_EXTENSION}`;
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const BACKUPS_KEPT = 7;
/** The first scheduled backup waits a little after start, so it never slows the start itself. */
const FIRST_BACKUP_DELAY_MS = 2 * 60 * 1000;

export interface BackupServiceDeps {
  dataDir: string;
  migrationsDir: string;
  settings: SettingsService;
  appVersion: string;
  clock: Clock;
  logger: Logger;
}

/** `2026-12-03T08-55-00Z`: sortable, and legal in a Windows file name. */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
/** The time in a file name written with `stamp` (the clock's time, not the file system's). */
const stampTime = (name: string): number | null => {
  const match = /(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)Z/.exec(name);
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) : null;
};

/**
 * Export, restore and the daily local backup (keep 7), of the live database and the settings.
 * Sandbox data is demo data and is never backed up.
 */
export function createBackupService(deps: BackupServiceDeps) {
  const { clock, logger } = deps;
  const backupsDir = join(deps.dataDir, BACKUPS_FOLDER);
  let timer: { cancel(): void } | null = null;
  let lastRun: BackupOverview['lastRun'] = null;

  const settingsSnapshot = () => Object.fromEntries(Object.entries(deps.settings).map(([name, section]) => [name, section.get()]));

  async function writeTo(dest: string): Promise<BackupEntry> {
    const liveFile = join(deps.dataDir, DATABASE_FILE);
    if (!existsSync(liveFile)) throw new AppError('not_found', 'Nothing to back up yet: no real (non-Sandbox) data.', { key: 'tools.backup.errors.nothingYet' });
    const createdAt = clock.now();
    // Its own read-only connection: SQLite's backup API copies a consistent snapshot while the
    // session keeps writing (WAL), whichever mode the app is in.
    const source = new Database(liveFile, { readonly: true, fileMustExist: true });
    try {
      const written = await writeBackup(source, dest, { appVersion: deps.appVersion, createdAt, settings: settingsSnapshot() });
      return { ...written, createdAt };
    } finally {
      source.close();
    }
  }

  function list(): BackupEntry[] {
    if (!existsSync(backupsDir)) return [];
    return readdirSync(backupsDir)
      .filter((name) => name.endsWith(BACKUP_EXTENSION))
      .map((name) => {
        const file = join(backupsDir, name);
        const stat = statSync(file);
        return { file, bytes: stat.size, createdAt: stampTime(name) ?? stat.mtimeMs };
      })
      .sort((a, b) => b.file.localeCompare(a.file));
  }

  async function runScheduled(): Promise<BackupEntry> {
    try {
      const entry = await writeTo(join(backupsDir, `recado-${stamp(clock.now())}${BACKUP_EXTENSION}`));
      for (const old of list().slice(BACKUPS_KEPT)) rmSync(old.file, { force: true });
      lastRun = { at: entry.createdAt, ok: true, error: null };
      logger.info('daily backup written', { file: entry.file, bytes: entry.bytes });
      return entry;
    } catch (error) {
      lastRun = { at: clock.now(), ok: false, error: error instanceof Error ? error.message : String(error) };
      throw error;
    }
  }

  function schedule(delayMs: number) {
    timer = clock.setTimeout(() => {
      runScheduled()
        .catch((error: unknown) => logger.warn('daily backup failed; trying again tomorrow', { error }))
        .finally(() => {
          if (timer) schedule(BACKUP_INTERVAL_MS);
        });
    }, delayMs);
  }

  return {
    /** Starts the daily backup: soon after start if the newest one is a day old (or missing), else when it is. */
    start(): void {
      if (timer) return;
      const newest = list()[0];
      const due = newest ? newest.createdAt + BACKUP_INTERVAL_MS - clock.now() : 0;
      schedule(Math.max(FIRST_BACKUP_DELAY_MS, due));
    },
    stop(): void {
      timer?.cancel();
      timer = null;
    },
    runNow: runScheduled,
    /** A file to carry to another PC: `<dataDir>/exports/recado-export-<time>.recado-backup`. */
    exportNow(): Promise<BackupEntry> {
      return writeTo(join(deps.dataDir, EXPORTS_FOLDER, `recado-export-${stamp(clock.now())}${BACKUP_EXTENSION}`));
    },
    overview(): BackupOverview {
      return { folder: backupsDir, exportsFolder: join(deps.dataDir, EXPORTS_FOLDER), backups: list(), lastRun, keep: BACKUPS_KEPT };
    },
    /** Checks the file (throws on a newer or foreign file) and stages it for the next start. */
    stageRestore(file: string) {
      const info = inspectBackup(file, deps.migrationsDir);
      copyFileSync(file, join(deps.dataDir, PENDING_RESTORE_FILE));
      logger.info('restore staged for the next start', { file, createdAt: info.createdAt, appVersion: info.appVersion });
      return { restartRequired: true as const, createdAt: info.createdAt, appVersion: info.appVersion };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

/**
 * At start, before the database opens: applies a restore staged by `backup.restore` (database in
 * place, settings sections that pass their schema saved; secrets untouched). A failed restore
 * leaves the current data as it was and is logged; the staged file is removed either way.
 */
export function applyPendingRestore(deps: { dataDir: string; migrationsDir: string; settings: SettingsService; logger: Logger }): boolean {
  const staged = join(deps.dataDir, PENDING_RESTORE_FILE);
  if (!existsSync(staged)) return false;
  try {
    const info = restoreDatabase(staged, deps.dataDir, deps.migrationsDir);
    applySettings(info.settings, deps.settings, deps.logger);
    deps.logger.info('backup restored', { createdAt: info.createdAt, appVersion: info.appVersion });
    return true;
  } catch (error) {
    deps.logger.error('staged restore failed; the current data was kept', { error });
    return false;
  } finally {
    rmSync(staged, { force: true });
  }
}

/** Saves each known settings section from a backup; a section that fails its schema is skipped alone. */
export function applySettings(saved: Record<string, unknown>, settings: SettingsService, logger: Logger): void {
  for (const [name, section] of Object.entries(settings)) {
    if (!(name in saved)) continue;
    try {
      section.set(saved[name] as never);
    } catch (error) {
      logger.warn('a settings section from the backup was refused; keeping the current one', { section: name, error });
    }
  }
}
