import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('..', import.meta.url));

/** A query issued on the database handle, or SQL written as a string. */
const QUERY = /\b(?:db|client|\$client)\s*\.\s*(?:select|selectDistinct|insert|update|delete|prepare|exec)\s*(?:<[^>]*>)?\(/;
const SQL_TEXT = /['"`]\s*(?:SELECT\s[^'"`]*\bFROM\s|INSERT\s+(?:OR\s+\w+\s+)?INTO\s|UPDATE\s+(?:OR\s+\w+\s+)?\w+\s+SET\s|DELETE\s+FROM\s|(?:CREATE|DROP)\s+(?:TABLE|INDEX|TRIGGER)\s)/i;

/** Where queries may live: repository modules, the notifications aggregate, the database plumbing. */
const isRepository = (file: string) => file.endsWith('-repository.ts') || file.startsWith('notifications/') || file.startsWith('db/');

/**
 * Modules that still query their own tables, each with why. The orders aggregate (orders, their
 * events, sync cursors, refused orders, endpoint receipts) is read and written by its own feature
 * modules, each the only one touching its table (poll cursors and the endpoint's replay guard
 * have `*-repository.ts` files of their own); `backup-file.ts` writes a meta table into the
 * backup copy and reads drizzle's migrations table, not the app's data.
 */
const KNOWN: Record<string, string> = {
  'backup/backup-file.ts': 'the backup copy and drizzle’s migrations table',
  'orders/order-book.ts': 'orders, shipments, refunds (the order book is their repository)',
  'orders/event-ledger.ts': 'order_events (the ledger is its repository)',
  'orders/refused-orders.ts': 'refused_orders (its repository)',
};

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : productionFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('where SQL lives', () => {
  it('no handler or service queries a table: queries are in repository modules', () => {
    const offenders = productionFiles(CORE)
      .map((path) => ({ file: relative(CORE, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }))
      .filter(({ file, text }) => !isRepository(file) && !(file in KNOWN) && (QUERY.test(text) || SQL_TEXT.test(text)))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('catches a handler that queries a table (the probe)', () => {
    expect(QUERY.test("const rows = ctx.db\n  .select().from(blacklist).all();")).toBe(true);
    expect(QUERY.test('db.$client.prepare<[string]>("x")')).toBe(true);
    expect(SQL_TEXT.test("run('SELECT value FROM app_state')")).toBe(true);
    expect(SQL_TEXT.test('`UPDATE notifications SET status = ?`')).toBe(true);
    expect(SQL_TEXT.test("case 'DELETE subscribed_apps':")).toBe(false);
  });
});
