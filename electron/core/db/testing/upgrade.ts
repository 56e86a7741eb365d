import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MIGRATIONS_DIR } from '../../testing/temp-core';
import { openDatabase, type AppDatabase } from '../open-database';

const journalSchema = z.object({
  version: z.string(),
  dialect: z.string(),
  entries: z.array(z.object({ idx: z.number(), tag: z.string() }).passthrough()),
});

/** The repository's migrations in the order drizzle applies them (`drizzle/meta/_journal.json`). */
export function migrationTags(): string[] {
  return readJournal().entries.map((entry) => entry.tag);
}

function readJournal() {
  return journalSchema.parse(JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')));
}

/**
 * An upgrade test's starting point: a fresh SQLite file at `file` with every migration before
 * `tag` applied (as a Recado of that version left it), returned as a plain better-sqlite3
 * connection so the test seeds rows in that version's shape with SQL. Close it, then call
 * `upgradeToLatest(file)`. Throws if `tag` is not a migration of drizzle/.
 */
export function databaseBefore(file: string, tag: string, workDir: string): Database.Database {
  const journal = readJournal();
  const count = journal.entries.findIndex((entry) => entry.tag === tag);
  if (count < 0) throw new Error(`no migration ${tag} in drizzle/ (have: ${migrationTags().join(', ')})`);
  // drizzle's migrator applies what the journal lists: a copy of drizzle/ cut before `tag`.
  const partial = join(workDir, `migrations-before-${tag}`);
  mkdirSync(join(partial, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const entry of entries) copyFileSync(join(MIGRATIONS_DIR, `${entry.tag}.sql`), join(partial, `${entry.tag}.sql`));
  writeFileSync(join(partial, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  openDatabase(file, { migrationsDir: partial }).$client.close();
  return new Database(file);
}

/** Opens `file` as the app does, applying every pending migration of drizzle/ (whatever the latest is). */
export function upgradeToLatest(file: string): AppDatabase {
  return openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
}
