import type { NotificationEventToggles } from '../../../shared/settings/events';
import type { NewNotificationRow } from '../db/schema';
import type { AppDatabase } from '../db/open-database';
import type { DispatchReason } from '../../../shared/domain/dispatch-reasons';
import { normalizeBrazilianPhone } from '../../../shared/domain/phone';
import type { BlacklistRepository } from '../blacklist/blacklist-repository';
import { listEventsAfter, type RecordedEvent } from '../orders/event-ledger';
import { loadOrderById } from '../orders/order-book';
import { DAY_MS } from '../orders/order-source';
import type { QueueRepository } from '../notifications/queue-repository';

export interface EnqueueDeps {
  db: AppDatabase;
  queue: QueueRepository;
  blacklist: BlacklistRepository;
  toggles: NotificationEventToggles;
  lookbackDays: number;
}

/**
 * Turns every ledger event recorded since the last call into exactly one notification row:
 * `queued`, or `skipped` at once with its reason (superseded, outside the lookback window,
 * event disabled, order gone, no/invalid phone, blacklisted). Returns how many rows were added.
 */
export function enqueueNewEvents(deps: EnqueueDeps, now: number): number {
  let added = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    // Small transactions: progress survives a crash in the middle of a large backlog.
    const events = listEventsAfter(deps.db, deps.queue.ledgerCursor(), 50);
    const last = events.at(-1);
    if (!last) break;
    added += deps.queue.enqueue(
      events.map((e) => rowFor(deps, e, now)),
      last.id,
      now,
    );
  }
  return added;
}

function rowFor(deps: EnqueueDeps, event: RecordedEvent, now: number): NewNotificationRow {
  const stored = event.orderId === null ? null : loadOrderById(deps.db, event.orderId);
  const shipment = stored?.order.shipments.find((s) => s.id === event.subId);
  const row: NewNotificationRow = {
    orderNumber: event.orderNumber,
    phone: stored?.phoneE164 ?? stored?.order.phone?.trim() ?? '',
    type: event.event,
    status: 'queued',
    tracking: event.event === 'shipment_created' || event.event === 'shipment_delivered' ? (shipment?.trackingNumber ?? null) : null,
    createdAt: now,
    updatedAt: now,
    orderEventId: event.id,
    orderId: event.orderId,
    source: event.source,
    subId: event.subId,
  };
  const skip = (reason: DispatchReason, error: string | null = null): NewNotificationRow => ({ ...row, status: 'skipped', reason, error });
  if (event.supersededBy) return skip('superseded', event.supersededBy);
  if (event.occurredAt < now - deps.lookbackDays * DAY_MS) return skip('outside_lookback');
  if (!deps.toggles[event.event]) return skip('event_disabled');
  if (!stored) return skip('order_missing');
  if (!stored.order.phone?.trim()) return skip('no_phone');
  if (!stored.phoneE164) {
    const phone = normalizeBrazilianPhone(stored.order.phone);
    return skip('invalid_phone', phone.ok ? null : `phone.reason.${phone.reason}`);
  }
  if (deps.blacklist.isBlacklisted(stored.phoneE164)) return skip('blacklisted', deps.blacklist.find(stored.phoneE164)?.reason ?? null);
  return row;
}
