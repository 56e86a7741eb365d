import fc from 'fast-check';
import { ORDER_EVENTS_PATH } from '../../../../shared/settings/webhook';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { cleanText, ORDER_LIMITS } from '../../../../shared/domain/order-schema';
import { signOrderEvent } from '../../orders/endpoint/order-endpoint';
import { FUZZ_ENDPOINT_SECRET } from './fuzz-routes';
import { httpRequest, type TestWebhook } from './webhook-test-kit';

/** How much likelier a usual value is than an edge one: about half the events stay acceptable. */
const USUAL = 12;

/** A field that may be left out: `undefined` keys vanish from the JSON. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

/** Mostly well-formed, sometimes odd: the edges each field's validation has to decide. */
const text = (max: number, usual: string[]) =>
  fc.oneof(
    { weight: USUAL, arbitrary: fc.constantFrom(...usual) },
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), '   ', '\u0000\u0001', 'a\nb\tc', '\u202eevil', '😀 Ção', '１２３'),
  );
const isoTime = fc.oneof(
  { weight: USUAL, arbitrary: fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString()) },
  fc.constantFrom('2026-11-23T11:58:00-03:00', '2026-11-23T11:58:00', '2026-13-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'ontem'),
);
const amount = fc.oneof(
  { weight: USUAL, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)) },
  fc.integer({ min: 0, max: 100_000 }),
  fc.constantFrom('0', '100000000', '100000000.01', '12.345', '1,50', '-1', 1e9, -0.5, 0.001, 'NaN', '  7.5 '),
);
const phone = fc.oneof(
  { weight: USUAL, arbitrary: fc.constantFrom('(11) 98765-4321', '+55 11 98765-4321', '5511987654321', '11 3333-4444') },
  fc.constantFrom('', '123', '+1 415 555 0100', '１１９８７６５４３２１', 'x'.repeat(ORDER_LIMITS.phone + 1), 'não tem'),
);
const currency = fc.oneof({ weight: USUAL, arbitrary: fc.constantFrom('BRL', 'USD') }, fc.constantFrom('brl', ' eur ', 'XXX', 'USDT', ''));
const trackingNumber = fc.oneof(
  { weight: USUAL, arbitrary: fc.constantFrom('AA123456785BR', 'JD0012345678', 'LB123456789HK') },
  fc.constantFrom('AA123BR', 'com espaço', 'x'.repeat(ORDER_LIMITS.trackingNumber + 1), '１２３'),
);
const trackingUrl = fc.oneof(
  { weight: USUAL, arbitrary: fc.webUrl({ validSchemes: ['https'] }) },
  fc.constantFrom('javascript:alert(1)', 'ftp://example.com/x', 'rastreio', `https://x.example/${'a'.repeat(ORDER_LIMITS.url)}`),
);
/** Any JSON at all, to replace one field now and then. */
const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, [], {}, -1, '', 'A'.repeat(5000)));

/** A few order numbers, so later events update orders earlier ones created. */
const ORDER_NUMBERS = ['F-1001', 'F-1002', 'F-1003', 'F-1004'];

/**
 * Order events as an ERP would send them, every field varied towards its edges (lengths at and
 * past the limit, control characters, other currencies, Correios codes that fail their check,
 * non-http URLs…), now and then a field replaced by any JSON or an unknown key added: the body
 * schema, the order schema and the accept path all get exercised. The event id is the sender's to add.
 */
export const orderEventBodies: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    event: fc.constantFrom(...ORDER_EVENTS),
    occurredAt: isoTime,
    order: fc.record({
      number: text(ORDER_LIMITS.number, ORDER_NUMBERS),
      customerName: text(ORDER_LIMITS.customerName, ['Maria Souza', 'João da Silva', 'Zoë O’Brien']),
      phone: maybe(phone),
      total: maybe(amount),
      currency: maybe(currency),
      createdAt: maybe(isoTime),
    }),
    shipment: maybe(
      fc.record({
        id: maybe(text(ORDER_LIMITS.id, ['s1', 's2'])),
        carrier: maybe(text(ORDER_LIMITS.carrier, ['Correios', 'Jadlog', 'Loggi'])),
        trackingNumber: maybe(trackingNumber),
        trackingUrl: maybe(trackingUrl),
        shippedAt: maybe(isoTime),
        deliveredAt: maybe(isoTime),
      }),
    ),
    refund: maybe(fc.record({ id: maybe(text(ORDER_LIMITS.id, ['r1', 'r2'])), amount, reason: maybe(text(ORDER_LIMITS.reason, ['Troca'])), at: maybe(isoTime) })),
    cancelReason: maybe(text(ORDER_LIMITS.reason, ['Sem estoque'])),
    // 1 in 8: one top-level or order field replaced by anything, or a key the schema does not know.
    twist: fc.oneof(
      { weight: 7, arbitrary: fc.constant(null) },
      fc.tuple(fc.constantFrom('event', 'occurredAt', 'order', 'shipment', 'refund', 'order.number', 'order.total', 'order.phone', 'extra'), anything),
    ),
  })
  .map(({ twist, ...event }) => {
    const body: Record<string, unknown> = { ...event, order: { ...event.order } };
    if (twist) {
      const [field, value] = twist;
      if (field.startsWith('order.')) (body.order as Record<string, unknown>)[field.slice(6)] = value;
      else body[field] = value;
    }
    return body;
  });

export interface OrderFuzzOutcome {
  requests: number;
  byStatus: Record<number, number>;
  /** Answers of 500 or more, and dropped requests. */
  serverErrors: number;
  /** Refused events after which an order, shipment, refund, ledger event or receipt had been written. */
  writesFromRefused: number;
  /** Accepted events that did not leave exactly their one order, their receipt and the events they reported. */
  badAccepts: number;
  /** Accepted event ids missing from the receipts at the end, or whose replay was not refused without a write. */
  lost: number;
}

const tableCount = (hook: TestWebhook, table: string) => hook.reader.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`);
const WRITTEN_BY_ACCEPT = ['orders', 'order_shipments', 'order_refunds', 'order_events', 'order_endpoint_receipts'];

/** Signs `raw` as the ERP would: now, with the configured secret. */
function send(hook: TestWebhook, raw: string) {
  const ts = String(Math.floor(Date.now() / 1000));
  const headers = { 'content-type': 'application/json', 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(FUZZ_ENDPOINT_SECRET, ts, raw) };
  return httpRequest(hook.server.port, { method: 'POST', path: ORDER_EVENTS_PATH, headers, body: raw }).catch(() => ({ status: 0, body: '' }));
}

/**
 * Sends `runs` validly signed order events (`orderEventBodies`, each with a fresh event id)
 * to a running webhook server and checks each: never a 5xx; a refused one (4xx) writes no order,
 * shipment, refund, ledger event or receipt (recording the refusal for the owner is allowed); an
 * accepted one (200) writes one receipt, creates or updates exactly the one order it names (stored
 * under its cleaned number, with the id the answer gives) and adds exactly the ledger events it
 * reports, for that order. Afterwards every accepted id is in the receipts and its replay is a 409
 * that writes nothing.
 */
export async function fuzzOrderEvents(hook: TestWebhook, runs: number, seed?: number): Promise<OrderFuzzOutcome> {
  const outcome: OrderFuzzOutcome = { requests: 0, byStatus: {}, serverErrors: 0, writesFromRefused: 0, badAccepts: 0, lost: 0 };
  const counts = Object.fromEntries(WRITTEN_BY_ACCEPT.map((t) => [t, tableCount(hook, t)]));
  const snapshot = () => Object.fromEntries(WRITTEN_BY_ACCEPT.map((t) => [t, counts[t]?.get()?.n ?? 0]));
  const orderById = hook.reader.prepare<[number], { external_id: string; customer_name: string }>("SELECT external_id, customer_name FROM orders WHERE id = ? AND source = 'endpoint'");
  const orderByNumber = hook.reader.prepare<[string], { id: number }>("SELECT id FROM orders WHERE source = 'endpoint' AND external_id = ?");
  const eventsOf = hook.reader.prepare<[number, number], { event: string }>('SELECT event FROM order_events WHERE order_id = ? AND id > ? ORDER BY id');
  const lastEventId = hook.reader.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM order_events');
  const accepted: { eventId: string; raw: string }[] = [];
  let serial = 0;

  await fc.assert(
    fc.asyncProperty(orderEventBodies, async (body) => {
      const eventId = `fuzz-${process.pid}-${Date.now()}-${serial++}`;
      const raw = JSON.stringify({ eventId, ...body });
      const order = typeof body.order === 'object' && body.order !== null ? (body.order as Record<string, unknown>) : {};
      const number = typeof order.number === 'string' ? cleanText(order.number) : null;
      const existed = number !== null && orderByNumber.get(number) !== undefined;
      const before = snapshot();
      const eventsBefore = lastEventId.get()?.id ?? 0;
      const answer = await send(hook, raw);
      const after = snapshot();
      outcome.requests++;
      outcome.byStatus[answer.status] = (outcome.byStatus[answer.status] ?? 0) + 1;
      if (answer.status === 0 || answer.status >= 500) {
        outcome.serverErrors++;
        return false;
      }
      if (answer.status !== 200) {
        const wrote = WRITTEN_BY_ACCEPT.some((t) => after[t] !== before[t]);
        if (wrote) outcome.writesFromRefused++;
        return !wrote;
      }
      accepted.push({ eventId, raw });
      const reply = JSON.parse(answer.body) as { ok: boolean; orderId: number; recorded: { event: string }[] };
      const stored = orderById.get(reply.orderId);
      const ledger = eventsOf.all(reply.orderId, eventsBefore).map((e) => e.event);
      const delta = (t: string) => (after[t] ?? 0) - (before[t] ?? 0);
      const good =
        reply.ok &&
        stored !== undefined &&
        stored.external_id === number &&
        typeof order.customerName === 'string' &&
        stored.customer_name === cleanText(order.customerName) &&
        delta('order_endpoint_receipts') === 1 &&
        delta('orders') === (existed ? 0 : 1) &&
        delta('order_events') === reply.recorded.length &&
        JSON.stringify(ledger) === JSON.stringify(reply.recorded.map((e) => e.event));
      if (!good) outcome.badAccepts++;
      return good;
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
  );

  // Nothing lost, nothing applied twice: every accepted id stayed, and sending it again changes nothing.
  const receipt = hook.reader.prepare<[string], { n: number }>('SELECT count(*) AS n FROM order_endpoint_receipts WHERE event_id = ?');
  for (const { eventId, raw } of accepted) {
    const before = snapshot();
    const again = await send(hook, raw);
    const unchanged = WRITTEN_BY_ACCEPT.every((t) => snapshot()[t] === before[t]);
    if (receipt.get(eventId)?.n !== 1 || again.status !== 409 || !unchanged) outcome.lost++;
  }
  return outcome;
}
