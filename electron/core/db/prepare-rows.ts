import { fillPlaceholders, type Column } from 'drizzle-orm';
import type { AppDatabase } from './open-database';

/**
 * A drizzle select over plain columns, prepared once in better-sqlite3's raw mode and turned into
 * objects by its selection's keys (each column's own decoder applied). For queries that return
 * many rows per call (the log's pages, the export): drizzle's generic row mapping checks the kind
 * of every cell and cost more than the query itself on a 50-row page (log/README.md). The SQL and
 * the row type are drizzle's; each call only binds the placeholder values.
 */
export function prepareRows<Row>(
  db: AppDatabase,
  selection: Record<string, Column>,
  query: { toSQL(): { sql: string; params: unknown[] }; all(): Row[] },
): { all(values: Record<string, unknown>): Row[] } {
  const { sql, params } = query.toSQL();
  const statement = db.$client.prepare<unknown[], unknown[]>(sql).raw(true);
  const keys = Object.keys(selection);
  const columns = Object.values(selection);
  const toRow = (cells: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const cell = cells[i];
      row[keys[i]!] = cell === null || cell === undefined ? null : columns[i]!.mapFromDriverValue(cell);
    }
    return row as Row;
  };
  return { all: (values) => statement.all(...fillPlaceholders(params, values)).map(toRow) };
}
