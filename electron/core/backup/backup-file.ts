import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract/app-error';
import { ensurePrivateDir, tighten } from '../platform/private-files';

/** Bumped when the backup file's own layout changes (not the app's schema). */
export const BACKUP_FORMAT = 1;
/** The table a backup file carries beside the app's tables. */
const META_TABLE = 'recado_backup';
export const BACKUP_EXTENSION = '.recado-backup';

/** What a backup file says about itself. */
const backupInfoSchema = z.object({
  format: z.number().int(),
  appVersion: z.string(),
  createdAt: z.number(),
  /** drizzle's `created_at` of the newest migration in the backed-up database. */
  schemaVersion: z.number(),
  /** Settings sections (never secrets), by section name. */
  settings: z.record(z.string(), z.unknown()),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/**
 * One file with the database and the settings (never the secrets: they are bound to this PC's
 * keyring or key file and must be entered again on the other PC). It is a SQLite database made
 * with SQLite's online backup API (consistent while Recado keeps writing), plus a
 * `recado_backup` table holding the settings, the app version and the schema version.
 * Written beside `dest` first and renamed, so a half-written file never carries the name. 0600.
 */
export async function writeBackup(source: Database.Database, dest: string, info: Omit<BackupInfo, 'format' | 'schemaVersion'>): Promise<{ file: string; bytes: number }> {
  ensurePrivateDir(dirname(dest));
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  await source.backup(partial);
  const copy = new Database(partial);
  try {
    const schemaVersion = latestMigration(copy);
    copy.exec(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    const put = copy.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`);
    const full: BackupInfo = { format: BACKUP_FORMAT, schemaVersion, ...info };
    for (const [key, value] of Object.entries(full)) put.run(key, JSON.stringify(value));
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  tighten(partial, 0o600);
  renameSync(partial, dest);
  return { file: dest, bytes: statSync(dest).size };
}

/**
 * Reads a backup's description and checks this app can take it: refuses (AppError with an i18n
 * key) a file that is not a Recado backup, or one made by a newer Recado (its schema is ahead of
 * this app's migrations: restoring would lose what the newer version stored).
 */
export function inspectBackup(file: string, migrationsDir: string): BackupInfo {
  if (!existsSync(file)) throw new AppError('not_found', `No file at ${file}`, { key: 'tools.backup.errors.missing', file });
  let db: Database.Database | null = null;
  let info: BackupInfo;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare(`SELECT key, value FROM ${META_TABLE}`).all() as { key: string; value: string }[];
    info = backupInfoSchema.parse(Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown])));
  } catch {
    throw new AppError('validation', `${basename(file)} is not a Recado backup`, { key: 'tools.backup.errors.notBackup', file: basename(file) });
  } finally {
    db?.close();
  }
  const appSchema = appSchemaVersion(migrationsDir);
  if (info.format > BACKUP_FORMAT || info.schemaVersion > appSchema) {
    throw new AppError('conflict', `The backup was made by Recado ${info.appVersion}, newer than this one: update Recado first.`, {
      key: 'tools.backup.errors.newerThanApp',
      backupVersion: info.appVersion,
    });
  }
  return info;
}

/**
 * Puts a checked backup's database in place as `<dataDir>/recado.sqlite` (the old one, if any,
 * kept as `recado.sqlite.before-restore`) and returns its settings for the caller to apply. The
 * database must not be open. Older schemas are brought up to date by the next `openDatabase`.
 */
export function restoreDatabase(file: string, dataDir: string, migrationsDir: string): BackupInfo {
  const info = inspectBackup(file, migrationsDir);
  ensurePrivateDir(dataDir);
  const target = join(dataDir, 'recado.sqlite');
  const incoming = `${target}.restoring`;
  copyFileSync(file, incoming);
  const db = new Database(incoming);
  try {
    db.exec(`DROP TABLE ${META_TABLE}`);
  } finally {
    db.close();
  }
  tighten(incoming, 0o600);
  if (existsSync(target)) renameSync(target, `${target}.before-restore`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return info;
}

function latestMigration(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null } | undefined;
  return Number(row?.at ?? 0);
}

/** The `when` of the newest migration this app ships (what drizzle records as `created_at`). */
export function appSchemaVersion(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}
