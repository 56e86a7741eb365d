import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dirname } from 'node:path';
import * as schema from './schema';
import { ensurePrivateDir, ensurePrivateFile, tighten } from '../platform/private-files';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** The `drizzle/` folder: hosts know where it sits (app.asar, repo, dist). */
  migrationsDir: string;
}

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas Recado relies on and applies any
 * pending migration. drizzle's migrator runs all pending migrations in one transaction, so a
 * failed upgrade leaves the file as it was.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): AppDatabase {
  if (file !== ':memory:') {
    // The log holds customers' phones: owner-only from the first byte. SQLite gives the -wal and
    // -shm files the main file's mode; existing ones from older versions are tightened too.
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const client = new Database(file);
  try {
    // WAL: readers (the log screen) never block the dispatcher's writes.
    client.pragma('journal_mode = WAL');
    if (file !== ':memory:') for (const suffix of ['-wal', '-shm']) tighten(`${file}${suffix}`, 0o600);
    client.pragma('foreign_keys = ON');
    // The webhook server and the dispatcher may write at once; wait instead of failing.
    client.pragma('busy_timeout = 5000');
    client.pragma('synchronous = NORMAL');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: options.migrationsDir });
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}
