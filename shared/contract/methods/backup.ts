import { z } from 'zod';
import { method } from '../define';

/** One backup or export file on this PC. */
export interface BackupEntry {
  file: string;
  bytes: number;
  createdAt: number;
}

export interface BackupOverview {
  /** Where the daily backups go (`<data folder>/backups`). */
  folder: string;
  /** Where exports go (`<data folder>/exports`). */
  exportsFolder: string;
  /** Newest first, at most `keep`. */
  backups: BackupEntry[];
  /** The last daily backup since start: when, and why it failed. */
  lastRun: { at: number; ok: boolean; error: string | null } | null;
  keep: number;
}

export const backupMethods = {
  /** The daily backups and the last run. */
  'backup.overview': method(z.object({}).strict()).returns<BackupOverview>(),
  /** A daily-style backup now (kept with the daily ones). */
  'backup.runNow': method(z.object({}).strict()).returns<BackupEntry>(),
  /**
   * The database and the settings — never the secrets — in one file to carry to another PC.
   * `not_found` (`tools.backup.errors.nothingYet`) before any real (non-Sandbox) data exists.
   */
  'backup.export': method(z.object({}).strict()).returns<BackupEntry>(),
  /**
   * Checks a backup or export file and restores it at the next start (the running database is
   * not replaced under the dispatcher's feet). Refuses a file that is not a Recado backup
   * (`tools.backup.errors.notBackup`) or one made by a newer Recado (`conflict`, `tools.backup.errors.newerThanApp`).
   */
  'backup.restore': method(z.object({ file: z.string().trim().min(1, { error: 'validation.required' }).max(4096) }).strict()).returns<{
    restartRequired: true;
    createdAt: number;
    appVersion: string;
  }>(),
};
