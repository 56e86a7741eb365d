import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_DIR } from '../testing/temp-core';
import { openDatabase } from './open-database';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

describe('webhook migration', () => {
  it('serves the webhook lookups from indexes and refuses a wamid on two notifications', () => {
    temp = makeTempDir();
    const db = openDatabase(join(temp.dir, 'w.sqlite'), { migrationsDir: MIGRATIONS_DIR }).$client;
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM notifications WHERE wamid = 'x'")).toMatch(/USING INDEX notifications_wamid_unique/);
    expect(plan("SELECT * FROM notifications WHERE biz_opaque_id = 'x' AND wamid IS NULL")).toMatch(/USING INDEX notifications_(biz_opaque_idx|wamid_unique)/);
    expect(plan("SELECT * FROM webhook_status_events WHERE wamid = 'x' AND status = 'sent'")).toMatch(/USING INDEX webhook_status_events_wamid_status_unique/);
    expect(plan("SELECT count(*) FROM webhook_status_events WHERE recipient_id = '1' AND error_code = 131026")).toMatch(/webhook_status_events_recipient_code_idx/);
    expect(plan("SELECT * FROM message_templates WHERE name = 'a' AND language = 'pt_BR'")).toMatch(/message_templates_name_language_idx/);

    const insert = db.prepare(
      "INSERT INTO notifications (order_number, phone, type, status, wamid, created_at, updated_at) VALUES ('1', '+5511955551234', 'order_placed', 'sent', ?, 1, 1)",
    );
    insert.run(null);
    insert.run(null); // many rows without a wamid yet are fine
    insert.run('wamid.same');
    expect(() => insert.run('wamid.same')).toThrow(/UNIQUE/);
    db.close();
  });
});
