import Database from 'better-sqlite3';
import { AppError } from '../contract/app-error';

/** The i18n key that says "another program holds the database" in words. */
export const DATABASE_BUSY_KEY = 'errors.databaseBusy';

/**
 * True when SQLite gave up waiting for a lock another connection or process holds (after the
 * `busy_timeout` of open-database.ts): the write did not happen and can be tried again later.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
}

/** What the owner reads instead of "internal error": the database is locked; try again. */
export function databaseBusyError(): AppError {
  return new AppError('unavailable', 'The database is locked by another program; nothing was saved, try again', { key: DATABASE_BUSY_KEY });
}
