import { describe, expect, it } from 'vitest';
import type { LogPage } from '../../../shared/contract/methods/log';
import { logHandlers } from '../log/handlers';
import { createQueueRepository } from '../notifications/queue-repository';
import { makeOrder, phoneOf, T0, type DispatcherHarness } from './testing/dispatcher-harness';
import { dispatcherHarnesses } from './testing/dispatcher-harnesses';

const harnesses = dispatcherHarnesses();

const BACKLOG = 100_000;
const SKIPS = 300;

/** 100k queued rows: the oldest SKIPS have no order (skipped at once, no request), the rest are sendable. */
function seedBacklog(harness: DispatcherHarness, orderId: number) {
  const insert = harness.db.$client.prepare(
    `INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at, order_id, source)
     VALUES (?, ?, 'order_placed', 'queued', ?, ?, ?, 'local')`,
  );
  harness.db.$client.transaction(() => {
    for (let i = 0; i < BACKLOG; i++) {
      const at = T0 - 50 * 60_000 + i;
      insert.run(String(90_000 + i), phoneOf(10 + i), at, at, i < SKIPS ? null : orderId);
    }
  })();
}

describe('a long queue', () => {
  it('due() walks the due index to its LIMIT: no scan of every queued row, no sort', async () => {
    const h = await harnesses.open();
    const queue = createQueueRepository(h.db);
    const plan = h.rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${queue.dueSql()}`, 'queued', T0, 25).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING INDEX notifications_due_idx/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('while an event is held (template became MARKETING) the per-event pick walks notifications_type_due_idx: no scan, no sort', async () => {
    const h = await harnesses.open();
    const queue = createQueueRepository(h.db);
    const plan = h.rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${queue.dueOfTypeSql()}`, 'queued', 'order_processing', T0, 25).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING INDEX notifications_type_due_idx/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('the backlog of a held event in front of the queue is not walked: the other events come first, in due order', async () => {
    const h = await harnesses.open();
    const insert = h.db.$client.prepare(
      `INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at, next_attempt_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)`,
    );
    h.db.$client.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(String(i), phoneOf(i), 'order_placed', T0 - 100_000 + i, T0, null);
      insert.run('p1', phoneOf(1), 'order_processing', T0 - 10, T0, null);
      // A retry due earlier than it was created sorts by its due time, as in `due`.
      insert.run('c1', phoneOf(2), 'order_cancelled', T0 - 5, T0, T0 - 50);
      insert.run('s1', phoneOf(3), 'shipment_created', T0 - 20, T0, T0 + 60_000);
    })();
    const queue = createQueueRepository(h.db);
    const picked = queue.dueExcept(T0, 25, new Set(['order_placed'] as const)).map((r) => r.orderNumber);
    expect(picked).toEqual(['c1', 'p1']);
    expect(queue.dueExcept(T0, 2, new Set()).map((r) => r.orderNumber)).toEqual(['0', '1']);
  });

  it('with 100,000 queued rows a run reads only its batch, and log.query answers while it runs', async () => {
    const h = await harnesses.open({ dispatch: { minDelaySeconds: 0, maxDelaySeconds: 0, maxPerBatch: 5 } });
    h.addOrder(makeOrder(1, { createdAt: T0 - 10_000, updatedAt: T0 - 10_000 }));
    const orderId = h.rows<{ id: number }>('SELECT id FROM orders')[0]!.id;
    seedBacklog(h, orderId);
    const log = logHandlers(h.ctx, { catchUp: () => h?.dispatcher.catchUp() });
    const skippedNow = () => h!.rows<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE status = 'skipped'")[0]!.n;

    h.dispatcher.start();
    // Asked from another turn of the event loop, as the web host's HTTP request would be.
    const answered = new Promise<{ busy: boolean; skipped: number; total: number }>((resolve) => {
      setImmediate(async () => {
        const page = (await log['log.query']({ filters: {}, page: 1, pageSize: 50 })) as LogPage;
        resolve({ busy: h!.dispatcher.state().busy, skipped: skippedNow(), total: page.total });
      });
    });
    expect(await h.runUntil(() => h.sent().length >= 5 && !h.dispatcher.state().busy)).toBe(true);

    const mid = await answered;
    // It answered in the middle of the run, not after the thousands of skips.
    expect(mid.busy).toBe(true);
    expect(mid.skipped).toBeLessThan(SKIPS);
    expect(mid.total).toBeGreaterThanOrEqual(BACKLOG);

    const counts = Object.fromEntries(h.rows<{ status: string; n: number }>('SELECT status, count(*) AS n FROM notifications GROUP BY status').map((r) => [r.status, r.n]));
    expect(counts).toEqual({ skipped: SKIPS, sent: 5, queued: BACKLOG + 1 - SKIPS - 5 });
    // The batch took the oldest sendable rows, in order; every later row is untouched.
    const sent = h.rows<{ order_number: string }>("SELECT order_number FROM notifications WHERE status = 'sent' ORDER BY id").map((r) => r.order_number);
    expect(sent).toEqual([0, 1, 2, 3, 4].map((i) => String(90_000 + SKIPS + i)));
    expect(h.rows<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE status = 'queued' AND updated_at <> created_at")[0]!.n).toBe(0);
  }, 120_000);
});
