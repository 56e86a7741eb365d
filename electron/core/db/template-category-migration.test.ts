import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { openDatabase } from './open-database';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

/** A copy of `drizzle/` that stops before the migration tagged `*_<tag>` (whatever number it got at merge). */
function migrationsBefore(dir: string, tag: string): string {
  const copy = join(dir, 'drizzle-old');
  cpSync(MIGRATIONS_DIR, copy, { recursive: true });
  const journalFile = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(`_${tag}`));
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return copy;
}

describe('template_category migration', () => {
  it('keeps stored templates and queued notifications, adds previous_category (null) and the per-event due index', () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'old.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsBefore(temp.dir, 'template_category') }).$client;
    old
      .prepare("INSERT INTO message_templates (waba_id, template_id, name, language, category, status, updated_at) VALUES ('w', '1', 'pedido_confirmado', 'pt_BR', 'UTILITY', 'APPROVED', 1)")
      .run();
    old.prepare("INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at) VALUES ('1', '+5511955551234', 'order_placed', 'queued', 5, 5)").run();
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR }).$client;
    expect(db.prepare('SELECT name, category, previous_category FROM message_templates').all()).toEqual([
      { name: 'pedido_confirmado', category: 'UTILITY', previous_category: null },
    ]);
    expect(db.prepare('SELECT status, type FROM notifications').all()).toEqual([{ status: 'queued', type: 'order_placed' }]);
    const plan = (db.prepare(
      "EXPLAIN QUERY PLAN SELECT * FROM notifications WHERE status = 'queued' AND type = 'order_placed' ORDER BY CASE WHEN next_attempt_at IS NULL THEN created_at ELSE next_attempt_at END, id LIMIT 25",
    ).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING INDEX notifications_type_due_idx/);
    db.close();
  });
});
