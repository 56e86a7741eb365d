import type { Order, OrderSourceKind } from '../../../shared/domain/order';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/open-database';
import type { RecordedEvent } from './event-ledger';
import { changedOrderIdsSince, loadOrder, loadOrderById, saveOrder } from './order-book';
import { readCursor, writeCursor } from './sync-state-repository';
import { announceRefused, recordRefusal, type Refusal } from './refused-orders';

export interface ChangesRequest {
  /** What this source returned last time; null on the first sync (then start at `notBefore`). */
  cursor: string | null;
  /** Start of the lookback window (Unix ms): never ask for, nor return, changes older than this. */
  notBefore: number;
  now: number;
  /** The last state the book holds for one of this source's orders, for diffs that need it. */
  previous(externalId: string): Order | null;
  signal?: AbortSignal;
}

export interface ChangedOrder {
  order: Order;
  /** Source details worth keeping for the next diff (JSON), stored with the order. */
  sourceState?: string | null;
}

export interface ChangesResult {
  /** Orders that passed `parseOrder`. */
  orders: ChangedOrder[];
  /** Orders the source read but the schema refused, each alone with its reasons (none = `[]` or absent). */
  refused?: Refusal[];
  /** Where to resume next time; opaque to everyone but the source. */
  cursor: string | null;
}

/**
 * A place orders come from: "the orders changed since T", bounded by the lookback window. A
 * source only reads; `syncOrderSource` stores what it returns and records the events. Adding a
 * source: implement this, map its orders onto `Order` (shared/domain/order.ts), and have the
 * dispatcher call `syncOrderSource` with it each polling interval.
 */
export interface OrderSource {
  readonly kind: OrderSourceKind;
  fetchChanges(request: ChangesRequest): Promise<ChangesResult>;
}

export interface SyncResult {
  /** Orders the source returned that passed the schema (all were saved; `changed` of them were new states). */
  seen: number;
  /** Orders the source returned that the schema refused, with their reasons (recorded in refused_orders). */
  refused: Refusal[];
  /** Orders whose stored state changed. */
  changed: number;
  /** Newly recorded ledger events, in order. */
  events: RecordedEvent[];
  cursor: string | null;
}

export const DAY_MS = 86_400_000;

/**
 * One poll of one source: fetch changes since the stored cursor (within the lookback window),
 * save each order's state, record new events, record the refused orders, then advance the cursor
 * — in that order, so a crash before the cursor moves only means the next poll sees the same
 * orders again, which the ledger makes harmless. The cursor moves past refused orders too:
 * asking again cannot fix their data; they are listed for the owner, and an edit at the source
 * sends them again. Throws what the source throws (the cursor then stays put). With `events`,
 * announces a change to the refused list (`orders.refusedChanged`).
 */
export async function syncOrderSource(
  db: AppDatabase,
  source: OrderSource,
  options: { now: number; lookbackDays: number; cursorKey?: string; signal?: AbortSignal; events?: Pick<EventBus, 'emit'> },
): Promise<SyncResult> {
  const key = options.cursorKey ?? source.kind;
  const result = await source.fetchChanges({
    cursor: readCursor(db, key),
    notBefore: options.now - options.lookbackDays * DAY_MS,
    now: options.now,
    previous: (externalId) => loadOrder(db, source.kind, externalId)?.order ?? null,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const events: RecordedEvent[] = [];
  const refused = result.refused ?? [];
  let changed = 0;
  let refusalsChanged = refused.length > 0;
  db.$client.transaction(() => {
    for (const { order, sourceState } of result.orders) {
      const saved = saveOrder(db, order, options.now, sourceState ?? null);
      if (saved.changed) changed++;
      if (saved.refusalCleared) refusalsChanged = true;
      events.push(...saved.events);
    }
    for (const refusal of refused) recordRefusal(db, refusal, options.now);
    writeCursor(db, key, result.cursor, options.now);
  })();
  if (refusalsChanged) announceRefused(db, options.events);
  return { seen: result.orders.length, refused, changed, events, cursor: result.cursor };
}

/**
 * The local order book as an OrderSource. Its orders are written through the contract and
 * their events recorded at that moment, so a poll finds nothing new; it exists so the
 * dispatcher can treat every source alike (and re-derive after a crash mid-way).
 */
export function localOrderSource(db: AppDatabase, kind: 'local' | 'csv' = 'local'): OrderSource {
  return {
    kind,
    async fetchChanges({ cursor, notBefore }) {
      const since = Math.max(cursor === null ? 0 : Number(cursor), notBefore);
      const rows = changedOrderIdsSince(db, kind, since);
      const changed = rows.map((r) => loadOrderById(db, r.id)).filter((s) => s !== null);
      const newest = rows.reduce((max, r) => Math.max(max, r.updatedAt), since);
      return { orders: changed.map((s) => ({ order: s.order, sourceState: s.sourceState })), cursor: String(newest) };
    },
  };
}
