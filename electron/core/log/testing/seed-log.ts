import type { AppDatabase } from '../../db/open-database';
import { NOTIFICATION_STATUSES } from '../../../../shared/domain/notification-status';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';

/**
 * Fills the message log with `count` realistic rows in one transaction through one prepared
 * statement (a million in a few seconds): sequential order numbers, Brazilian mobiles, statuses
 * weighted like a real shop (mostly delivered/read), one row per `stepMs` back from `end`.
 */
export function seedLog(db: AppDatabase, count: number, options: { end?: number; stepMs?: number } = {}) {
  const end = options.end ?? Date.UTC(2026, 4, 28, 17, 0, 0);
  const step = options.stepMs ?? 30_000;
  const insert = db.$client.prepare(
    `INSERT INTO notifications (order_number, phone, type, status, tracking, sent_at, error, error_code, created_at, updated_at, wamid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Deterministic pseudo-random (xorshift) so runs compare.
  let x = 2463534242;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const weighted = (r: number) => (r < 0.55 ? 'read' : r < 0.9 ? 'delivered' : r < 0.95 ? 'sent' : r < 0.97 ? 'failed' : r < 0.98 ? 'queued' : NOTIFICATION_STATUSES[Math.floor(r * 1000) % NOTIFICATION_STATUSES.length]!);
  // A big page cache for the bulk load (random phone-index inserts, FTS segments), then back.
  const cacheSize = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma('cache_size = -262144');
  // Bulk load like an import would: the per-row FTS trigger costs ~10x the insert, so it is set
  // aside (its SQL kept from sqlite_master), the search index rebuilt once, the trigger restored.
  const triggers = db.$client
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('notifications_search_ai', 'notification_daily_counts_ai', 'notification_totals_ai')")
    .all() as { name: string; sql: string }[];
  db.$client.transaction(() => {
    for (const trigger of triggers) db.$client.exec(`DROP TRIGGER ${trigger.name}`);
    for (let i = 0; i < count; i++) {
      const createdAt = end - (count - i) * step;
      const status = weighted(next());
      const type = ORDER_EVENTS[Math.floor(next() * ORDER_EVENTS.length)]!;
      const phone = `+55${11 + Math.floor(next() * 80)}9${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
      const failed = status === 'failed';
      insert.run(
        String(10_000 + i),
        phone,
        type,
        status,
        type === 'shipment_created' ? `QR${String(i).padStart(9, '0')}BR` : null,
        status === 'queued' ? null : createdAt + 1000,
        failed ? '131026 Message undeliverable' : null,
        failed ? 131026 : null,
        createdAt,
        createdAt + 1000,
        status === 'queued' ? null : `wamid.seed${i}`,
      );
    }
    if (triggers.length) {
      // The same rebuilds the migrations run (0003, 0005 and 0009).
      db.$client.exec("INSERT INTO notifications_search(notifications_search) VALUES ('rebuild')");
      db.$client.exec('DELETE FROM notification_daily_counts');
      db.$client.exec(
        'INSERT INTO notification_daily_counts(day, type, status, n) SELECT created_at / 86400000, type, status, count(*) FROM notifications GROUP BY 1, 2, 3',
      );
      db.$client.exec('DELETE FROM notification_totals');
      db.$client.exec('INSERT INTO notification_totals(type, status, n) SELECT type, status, count(*) FROM notifications GROUP BY 1, 2');
      for (const trigger of triggers) db.$client.exec(trigger.sql);
    }
  })();
  db.$client.pragma(`cache_size = ${cacheSize}`);
  return { first: end - count * step, end };
}
