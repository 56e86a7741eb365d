import { createHmac, timingSafeEqual } from 'node:crypto';
import { toFieldIssues } from '../../../../shared/contract/issues';
import { refundedMinor, type Order } from '../../../../shared/domain/order';
import { cleanText, ORDER_LIMITS, parseOrder } from '../../../../shared/domain/order-schema';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/open-database';
import type { Logger } from '../../platform/logger';
import { loadOrder, saveOrder } from '../order-book';
import { announceRefused, recordRefusal, refusalOf } from '../refused-orders';
import { sourceRoute, type SourceAnswer, type SourceRequest } from '../source-route';
import { orderEventBodySchema, toMinor, type OrderEventBody } from './event-schema';
import { recordReceipt, wasReceived } from './receipts-repository';

export const ENDPOINT_MAX_BYTES = 64 * 1024;
/** A signed request older or newer than this is refused: a captured request cannot be replayed later. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;
export { RECEIPT_RETENTION_MS } from './receipts-repository';

export interface OrderEndpointDeps {
  db: AppDatabase;
  secret(): string | null;
  now(): number;
  logger: Logger;
  /** Announces changes to the refused orders (optional in tests). */
  events?: Pick<EventBus, 'emit'>;
}

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the install's secret. */
export function signOrderEvent(secret: string, timestamp: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

function signatureMatches(secret: string, timestamp: string, body: Uint8Array, given: string): boolean {
  const expected = Buffer.from(signOrderEvent(secret, timestamp, body));
  const actual = Buffer.from(given.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const refuse = (status: number, error: string, extra: Record<string, unknown> = {}): SourceAnswer => ({ status, body: { ok: false, error, ...extra } });

/** The order state after applying one event to what the book holds (or to a new order). */
export function applyOrderEvent(previous: Order | null, body: OrderEventBody, now: number): Order {
  const at = Date.parse(body.occurredAt);
  const order: Order = previous
    ? structuredClone(previous)
    : {
        source: 'endpoint',
        externalId: body.order.number,
        number: body.order.number,
        customerName: body.order.customerName,
        phone: null,
        totalMinor: 0,
        currency: 'BRL',
        status: 'pending',
        createdAt: body.order.createdAt ? Date.parse(body.order.createdAt) : at,
        updatedAt: now,
        shipments: [],
        refunds: [],
        cancelReason: null,
      };
  order.customerName = body.order.customerName;
  if (body.order.phone !== undefined) order.phone = body.order.phone || null;
  // The currency first: the total's minor units depend on it (no centavos in guaraníes).
  if (body.order.currency) order.currency = body.order.currency;
  if (body.order.total !== undefined) order.totalMinor = toMinor(body.order.total, order.currency);
  order.updatedAt = now;
  const open = order.status !== 'cancelled' && order.status !== 'refunded';

  const shipmentFor = () => {
    const s = body.shipment ?? {};
    const id = s.id ?? s.trackingNumber ?? 'untracked';
    let shipment = order.shipments.find((x) => x.id === id || (s.trackingNumber && x.trackingNumber === s.trackingNumber));
    if (!shipment) {
      shipment = { id, carrier: null, trackingNumber: null, trackingUrl: null, shippedAt: s.shippedAt ? Date.parse(s.shippedAt) : at, deliveredAt: null };
      order.shipments.push(shipment);
    }
    if (s.carrier) shipment.carrier = s.carrier;
    if (s.trackingNumber) shipment.trackingNumber = s.trackingNumber;
    if (s.trackingUrl) shipment.trackingUrl = s.trackingUrl;
    return shipment;
  };

  switch (body.event) {
    case 'order_placed':
      break;
    case 'order_processing':
      if (open) order.status = 'processing';
      break;
    case 'shipment_created':
      shipmentFor();
      if (order.status === 'pending') order.status = 'processing';
      break;
    case 'shipment_delivered': {
      const shipment = shipmentFor();
      shipment.deliveredAt ??= body.shipment?.deliveredAt ? Date.parse(body.shipment.deliveredAt) : at;
      if (open && order.shipments.every((s) => s.deliveredAt !== null)) order.status = 'completed';
      break;
    }
    case 'order_cancelled':
      order.status = 'cancelled';
      order.cancelReason = body.cancelReason ?? order.cancelReason;
      break;
    case 'refund_issued': {
      const refund = body.refund;
      if (!refund) break;
      const id = refund.id ?? body.eventId;
      if (!order.refunds.some((r) => r.id === id)) {
        order.refunds.push({ id, amountMinor: toMinor(refund.amount, order.currency), at: refund.at ? Date.parse(refund.at) : at, reason: refund.reason ?? null });
      }
      const refunded = refundedMinor(order);
      if (order.totalMinor > 0 && refunded >= order.totalMinor) order.status = 'refunded';
      break;
    }
  }
  return order;
}

/**
 * One request to `POST /orders/events`. Checks, in order: size, the two headers, the timestamp
 * window, the signature over the raw bytes, the body schema (400 `malformed`), the event id (a
 * replay → 409), then the resulting order against the shared order schema (422 `refused`). A
 * signed body or order that fails is recorded among the refused orders for the owner, with its
 * issues. The receipt and the order change are written in one transaction, so a refused or
 * failed event consumes no event id and a retried one cannot apply twice. Never throws.
 */
export function handleOrderEvent(deps: OrderEndpointDeps, request: SourceRequest): SourceAnswer {
  if (request.body.byteLength > ENDPOINT_MAX_BYTES) return refuse(413, 'too_large');
  const secret = deps.secret();
  if (!secret) return refuse(503, 'not_configured');
  const timestamp = request.headers.get('x-recado-timestamp');
  const signature = request.headers.get('x-recado-signature');
  if (!timestamp || !signature) return refuse(401, 'unsigned');
  const now = deps.now();
  if (!/^\d{9,11}$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > TIMESTAMP_TOLERANCE_MS) {
    return refuse(401, 'stale_timestamp');
  }
  if (!signatureMatches(secret, timestamp, request.body, signature)) {
    deps.logger.warn('order endpoint refused a bad signature');
    return refuse(401, 'bad_signature');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(request.body).toString('utf8'));
  } catch {
    return refuse(400, 'malformed', { issues: [{ path: '', key: 'validation.json', params: {} }] });
  }
  const parsed = orderEventBodySchema.safeParse(json);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    refuseOrder(deps, json, issues, now, 'eventId');
    return refuse(400, 'malformed', { issues });
  }
  const body = parsed.data;
  const { db } = deps;
  return db.$client.transaction((): SourceAnswer => {
    if (wasReceived(db, body.eventId)) return refuse(409, 'replayed', { eventId: body.eventId });
    const previous = loadOrder(db, 'endpoint', body.order.number);
    const candidate = applyOrderEvent(previous?.order ?? null, body, now);
    const checked = parseOrder(candidate);
    if (!checked.ok) {
      // No receipt: once the sender fixes the order, the same event id is welcome again.
      refuseOrder(deps, candidate, checked.refusal.issues, now, 'externalId');
      return refuse(422, 'refused', { issues: checked.refusal.issues.map((i) => ({ ...i, params: i.params ?? {} })) });
    }
    recordReceipt(db, body.eventId, now);
    const saved = saveOrder(db, checked.order, now);
    if (saved.refusalCleared) announceRefused(db, deps.events);
    deps.logger.info('order endpoint event', { event: body.event, order: body.order.number, recorded: saved.events.length });
    return {
      status: 200,
      body: { ok: true, orderId: saved.orderId, recorded: saved.events.map((e) => ({ event: e.event, subId: e.subId })) },
    };
  })();
}

/** An issue from the body schema (`FieldIssue`, params of any kind) or from `parseOrder`. */
type RefusalIssueLike = { path: string; key: string; params?: Record<string, string | number> | undefined };

/**
 * Records a signed event whose order was refused, keyed by the order number it names (or, when
 * even that is unreadable, its event id), so the owner sees it beside the other refused orders.
 */
function refuseOrder(deps: OrderEndpointDeps, source: unknown, issues: readonly RefusalIssueLike[], now: number, fallbackKey: 'eventId' | 'externalId'): void {
  const o = source !== null && typeof source === 'object' ? (source as Record<string, unknown>) : {};
  const order = o.order !== null && typeof o.order === 'object' ? (o.order as Record<string, unknown>) : o;
  const readable = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? cleanText(v).slice(0, ORDER_LIMITS.id) : null);
  const number = readable(order.number);
  const externalId = number ?? (readable(o[fallbackKey]) ? `evento:${readable(o[fallbackKey])}` : 'sem-numero');
  const numeric = (params: RefusalIssueLike['params']) => Object.fromEntries(Object.entries(params ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
  const clean = issues.map(({ path, key, params }) => ({ path, key, ...(Object.keys(numeric(params)).length > 0 ? { params: numeric(params) } : {}) }));
  recordRefusal(deps.db, refusalOf({ source: 'endpoint', externalId, number }, { issues: clean }, source), now);
  announceRefused(deps.db, deps.events);
  deps.logger.warn('order endpoint refused an order', { order: externalId, issues: issues.map((i) => `${i.path}: ${i.key}`) });
}

/** The Hono handler the webhook server mounts: `app.post('/orders/events', orderEndpointHandler(deps))`. */
export function orderEndpointHandler(deps: OrderEndpointDeps) {
  return sourceRoute(ENDPOINT_MAX_BYTES, { ok: false, error: 'too_large' }, (request) => handleOrderEvent(deps, request));
}

/** What `orderEndpointHandler` needs, from the core's parts. */
export function orderEndpointDeps(ctx: {
  db: AppDatabase;
  secrets: { get(name: 'orderEndpointSecret'): string | null };
  clock: { now(): number };
  logger: Logger;
  events: Pick<EventBus, 'emit'>;
}): OrderEndpointDeps {
  return { db: ctx.db, secret: () => ctx.secrets.get('orderEndpointSecret'), now: () => ctx.clock.now(), logger: ctx.logger, events: ctx.events };
}
