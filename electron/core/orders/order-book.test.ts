import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { eventsOfOrder, listEventsAfter, recordEvents } from './event-ledger';
import { listOrders, loadOrder, saveOrder } from './order-book';
import { localOrderSource, syncOrderSource } from './order-source';
import { makeOrder, openTempOrdersDb } from './testing/orders-db';

let handle: ReturnType<typeof openTempOrdersDb>;
afterEach(() => handle?.close());

const names = (events: { event: string; subId: string }[]) => events.map((e) => (e.subId ? `${e.event}:${e.subId}` : e.event));
const shipment = (id: string, deliveredAt: number | null = null) => ({
  id,
  carrier: 'Correios',
  trackingNumber: id,
  trackingUrl: null,
  shippedAt: 1_700_000_500_000,
  deliveredAt,
});

describe('order book and event ledger', () => {
  it('walks an order through all six events, each recorded exactly once', () => {
    handle = openTempOrdersDb();
    const { db } = handle;
    const steps: [Partial<Order>, string[]][] = [
      [{}, ['order_placed']],
      [{ status: 'processing' }, ['order_processing']],
      [{ status: 'processing', shipments: [shipment('AA123456789BR')] }, ['shipment_created:AA123456789BR']],
      [
        { status: 'processing', shipments: [shipment('AA123456789BR'), shipment('AB123456789BR')] },
        ['shipment_created:AB123456789BR'],
      ],
      [
        { status: 'completed', shipments: [shipment('AA123456789BR', 1_700_001_000_000), shipment('AB123456789BR')] },
        ['shipment_delivered:AA123456789BR'],
      ],
      [
        {
          status: 'completed',
          shipments: [shipment('AA123456789BR', 1_700_001_000_000), shipment('AB123456789BR')],
          refunds: [{ id: 'r1', amountMinor: 1000, at: 1_700_002_000_000, reason: null }],
        },
        ['refund_issued:r1'],
      ],
      [{ status: 'cancelled', cancelReason: 'sem estoque' }, ['order_cancelled']],
    ];
    let t = 1_700_000_000_000;
    for (const [patch, expected] of steps) {
      t += 1000;
      const order = makeOrder({ ...patch, updatedAt: t });
      expect(names(saveOrder(db, order, t).events)).toEqual(expected);
      // Seen again (by a poll, a webhook, a retry): nothing fires.
      expect(recordEvents(db, order, t + 1)).toEqual([]);
      expect(saveOrder(db, order, t + 2)).toMatchObject({ changed: false, events: [] });
    }
    // Going back to an earlier state fires nothing either.
    expect(saveOrder(db, makeOrder({ status: 'processing', updatedAt: t + 10 }), t + 10).events).toEqual([]);
    expect(eventsOfOrder(db, 'local', '1001')).toHaveLength(7);
    expect(listEventsAfter(db, 0).map((e) => e.id)).toEqual([...listEventsAfter(db, 0).map((e) => e.id)].sort((a, b) => a - b));
    expect(listEventsAfter(db, 3)).toHaveLength(4);
  });

  it('marks stale earlier stages when an order is first seen already far along', () => {
    handle = openTempOrdersDb();
    const events = saveOrder(handle.db, makeOrder({ status: 'completed', shipments: [shipment('AA1', 1_700_001_000_000)] }), 1).events;
    expect(events.map((e) => [e.event, e.supersededBy])).toEqual([
      ['order_placed', 'shipment_delivered'],
      ['order_processing', 'shipment_delivered'],
      ['shipment_created', 'shipment_delivered'],
      ['shipment_delivered', null],
    ]);
    const cancelled = saveOrder(handle.db, makeOrder({ externalId: '2', number: '2', status: 'cancelled' }), 1).events;
    expect(names(cancelled)).toEqual(['order_cancelled']);
    const refunded = saveOrder(handle.db, makeOrder({ externalId: '3', number: '3', status: 'refunded' }), 1).events;
    expect(names(refunded)).toEqual(['refund_issued:full']);
  });

  it('keeps identities per source: the same number from two sources is two orders', () => {
    handle = openTempOrdersDb();
    expect(saveOrder(handle.db, makeOrder(), 1).events).toHaveLength(1);
    expect(saveOrder(handle.db, makeOrder({ source: 'woocommerce' }), 1).events).toHaveLength(1);
    expect(loadOrder(handle.db, 'woocommerce', '1001')?.order.source).toBe('woocommerce');
  });

  it('stores the normalized phone, replaces shipments and refunds with the new lists', () => {
    handle = openTempOrdersDb();
    const { db } = handle;
    saveOrder(db, makeOrder({ phone: '11 8765-4321', shipments: [shipment('A'), shipment('B')] }), 1);
    expect(loadOrder(db, 'local', '1001')).toMatchObject({ phoneE164: '+5511987654321' });
    saveOrder(db, makeOrder({ phone: 'nope', shipments: [shipment('B')] }), 2);
    const stored = loadOrder(db, 'local', '1001');
    expect(stored?.phoneE164).toBeNull();
    expect(stored?.order.shipments.map((s) => s.id)).toEqual(['B']);
  });

  it('pages and searches on the server side', () => {
    handle = openTempOrdersDb();
    const { db } = handle;
    for (let i = 1; i <= 60; i++) {
      saveOrder(
        db,
        makeOrder({
          externalId: String(i),
          number: `A-${i}`,
          customerName: i % 2 ? 'João Pereira' : 'Ana Lima',
          phone: `(21) 9${String(87654300 + i)}`,
          updatedAt: i,
          status: i % 3 ? 'pending' : 'processing',
          shipments: i === 42 ? [shipment('QX987654321BR')] : [],
        }),
        i,
      );
    }
    const first = listOrders(db, { page: 1, pageSize: 25 });
    expect(first.total).toBe(60);
    expect(first.rows.map((r) => r.order.number).slice(0, 2)).toEqual(['A-60', 'A-59']);
    expect(listOrders(db, { page: 3, pageSize: 25 }).rows).toHaveLength(10);
    expect(listOrders(db, { page: 1, pageSize: 100, search: 'ana' }).total).toBe(30);
    expect(listOrders(db, { page: 1, pageSize: 100, search: 'A-4' }).total).toBe(11);
    expect(listOrders(db, { page: 1, pageSize: 100, search: '98765 4307' }).rows.map((r) => r.order.number)).toEqual(['A-7']);
    expect(listOrders(db, { page: 1, pageSize: 100, search: 'qx9876' }).rows.map((r) => r.order.number)).toEqual(['A-42']);
    expect(listOrders(db, { page: 1, pageSize: 100, search: 'ana', status: 'processing' }).total).toBe(10);
    expect(listOrders(db, { page: 1, pageSize: 100, search: '100%' }).total).toBe(0);
  });

  it('lets the local book act as an OrderSource whose polls re-derive nothing', async () => {
    handle = openTempOrdersDb();
    const { db } = handle;
    const now = 10 * 86_400_000;
    saveOrder(db, makeOrder({ updatedAt: now - 1000 }), now - 1000);
    saveOrder(db, makeOrder({ externalId: 'old', number: 'old', updatedAt: now - 9 * 86_400_000 }), 1);
    const source = localOrderSource(db);
    const first = await syncOrderSource(db, source, { now, lookbackDays: 7 });
    expect(first).toMatchObject({ seen: 1, changed: 0, events: [], cursor: String(now - 1000) });
    expect(await syncOrderSource(db, source, { now, lookbackDays: 7 })).toMatchObject({ seen: 0 });
  });
});
