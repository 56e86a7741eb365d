import type { OrderDetail, OrderView } from '../../../shared/contract/methods/orders';
import { refundedMinor } from '../../../shared/domain/order';
import { normalizeBrazilianPhone } from '../../../shared/domain/phone';
import type { AppDatabase } from '../db/open-database';
import { eventsOfOrder } from './event-ledger';
import type { StoredOrder } from './order-book';

/** Sources whose orders the contract may change; the others are mirrors of somewhere else. */
export const EDITABLE_SOURCES = new Set(['local', 'csv']);

export function toOrderView(stored: StoredOrder): OrderView {
  const { order } = stored;
  const phone = order.phone ? normalizeBrazilianPhone(order.phone) : null;
  return {
    id: stored.id,
    ...order,
    phoneE164: stored.phoneE164,
    phoneProblem: phone === null ? 'empty' : phone.ok ? null : phone.reason,
    refundedMinor: refundedMinor(order),
    editable: EDITABLE_SOURCES.has(order.source),
  };
}

export function toOrderDetail(db: AppDatabase, stored: StoredOrder): OrderDetail {
  return {
    ...toOrderView(stored),
    events: eventsOfOrder(db, stored.order.source, stored.order.externalId).map((e) => ({
      id: e.id,
      event: e.event,
      subId: e.subId,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      supersededBy: e.supersededBy,
    })),
  };
}
