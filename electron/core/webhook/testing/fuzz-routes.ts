import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { ORDER_EVENTS_PATH, WEBHOOK_PATH, WOO_WEBHOOK_PATH } from '../../../../shared/settings/webhook';
import { signOrderEvent } from '../../orders/endpoint/order-endpoint';
import { FakeWooStore } from '../../orders/woocommerce/testing/fake-woo-server';
import { signBody } from '../signature';
import { APP_SECRET, httpRequest, statusBody, type TestWebhook } from './webhook-test-kit';

export const FUZZ_WOO_SECRET = 'whsec-fuzz-secret';
export const FUZZ_ENDPOINT_SECRET = 'rec_fuzz-secret-0123456789abcdefghijklmn';

export type FuzzRoute = 'meta' | 'woocommerce' | 'orders';
type Signing = 'valid' | 'none' | 'wrong-secret' | 'garbage' | 'other-bytes';

export interface FuzzCase {
  body: Uint8Array;
  signing: Signing;
  contentType: string | null;
}

export interface FuzzOutcome {
  requests: number;
  byStatus: Record<number, number>;
  /** Answers of 500 or more, and requests the server dropped (status 0). */
  serverErrors: number;
  /**
   * Requests after which the database had changed although they were not validly signed (any
   * write at all), or were signed but refused (a new order, event, status, contact or blacklist
   * row; recording the refusal itself for the owner to see is allowed).
   */
  writesFromRefused: number;
}

const ADVERSARIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '', 'id', 'status', 'statuses', 'messages'];
/** Any JSON value, with keys attackers like and values of the wrong type where fields are expected. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...ADVERSARIAL_KEYS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constantFrom(null, -1, 1e308, -0, '', '\u0000', '\ud800', 'A'.repeat(5000), [], {}, '1750000000', 'NaN'),
);

/** Meta-shaped bodies: right envelope, every field possibly wrong. */
const metaShaped = fc
  .record({
    object: fc.oneof(fc.constant('whatsapp_business_account'), nasty),
    entry: fc.oneof(
      fc.array(
        fc.record({
          id: nasty,
          changes: fc.array(
            fc.record({
              field: fc.oneof(fc.constantFrom('messages', 'message_template_status_update', 'template_category_update', 'user_preferences', 'account_alerts'), nasty),
              value: fc.record({
                statuses: fc.oneof(
                  nasty,
                  fc.array(
                    fc.record({
                      id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), nasty),
                      status: fc.oneof(fc.constantFrom('sent', 'delivered', 'read', 'failed'), nasty),
                      timestamp: fc.oneof(fc.constant('1750000000'), nasty),
                      recipient_id: nasty,
                      errors: nasty,
                      pricing: nasty,
                    }),
                    { maxLength: 3 },
                  ),
                ),
                messages: nasty,
                contacts: nasty,
              }),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 2 },
      ),
      nasty,
    ),
  })
  .map((v) => JSON.stringify(v));

/** An order shape WooCommerce or an ERP might send, with any field wrong. */
const orderShaped = fc
  .record({
    id: fc.oneof(fc.integer({ min: 1, max: 1e6 }), nasty),
    status: fc.oneof(fc.constantFrom('pending', 'processing', 'completed', 'cancelled', 'refunded'), nasty),
    eventId: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), nasty),
    event: fc.oneof(fc.constantFrom('order_placed', 'order_processing', 'shipment_created', 'refund_issued'), nasty),
    occurredAt: fc.oneof(fc.constant(new Date(0).toISOString()), nasty),
    order: nasty,
    billing: nasty,
    total: nasty,
    date_modified_gmt: nasty,
    meta_data: nasty,
  })
  .map((v) => JSON.stringify(v));

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bodies = (shaped: fc.Arbitrary<string>) =>
  fc.oneof(
    shaped.map(utf8),
    fc.jsonValue().map((v) => utf8(JSON.stringify(v))),
    fc.string({ maxLength: 300 }).map(utf8),
    // Truncated JSON and raw bytes (invalid UTF-8 included).
    shaped.chain((s) => fc.nat({ max: s.length }).map((n) => utf8(s.slice(0, n)))),
    fc.uint8Array({ maxLength: 400 }),
    fc.constant(utf8('webhook_id=12')),
  );

/** Real WooCommerce orders (the fake store's, from the shared fixtures) with one field made wrong. */
function mutatedWooOrders(): fc.Arbitrary<string> {
  const store = new FakeWooStore();
  const real = Array.from({ length: 3 }, () => JSON.parse(JSON.stringify(store.addOrder())) as Record<string, unknown>);
  const keys = [...new Set(real.flatMap((o) => Object.keys(o)))];
  return fc
    .tuple(fc.constantFrom(...real), fc.constantFrom(...keys), nasty, fc.integer({ min: 1, max: 1e6 }))
    .map(([order, key, value, id]) => JSON.stringify({ ...order, id, [key]: value }));
}

/** Generated requests for one route: body, how it is signed, its content type. */
export function fuzzCases(route: FuzzRoute): fc.Arbitrary<FuzzCase> {
  const shaped = route === 'meta' ? metaShaped : route === 'woocommerce' ? fc.oneof(orderShaped, mutatedWooOrders()) : orderShaped;
  return fc.record({
    body: bodies(shaped),
    signing: fc.constantFrom<Signing>('valid', 'valid', 'none', 'wrong-secret', 'garbage', 'other-bytes'),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', null),
  });
}

/** The request for one case, signed as `signing` says. */
export function fuzzRequest(route: FuzzRoute, c: FuzzCase): { path: string; headers: Record<string, string> } {
  const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
  const signed = c.signing === 'other-bytes' ? utf8(statusBody([])) : c.body;
  const secretFor = (valid: string) => (c.signing === 'wrong-secret' ? `${valid}-not` : valid);
  if (route === 'meta') {
    if (c.signing !== 'none') headers['x-hub-signature-256'] = c.signing === 'garbage' ? 'sha256=zz' : signBody(signed, secretFor(APP_SECRET));
    return { path: WEBHOOK_PATH, headers };
  }
  if (route === 'woocommerce') {
    headers['x-wc-webhook-topic'] = 'order.updated';
    if (c.signing !== 'none') headers['x-wc-webhook-signature'] = c.signing === 'garbage' ? '%%%' : createHmac('sha256', secretFor(FUZZ_WOO_SECRET)).update(signed).digest('base64');
    return { path: WOO_WEBHOOK_PATH, headers };
  }
  const ts = String(Math.floor(Date.now() / 1000));
  if (c.signing !== 'none') {
    headers['x-recado-timestamp'] = ts;
    headers['x-recado-signature'] = c.signing === 'garbage' ? 'sha256=00' : signOrderEvent(secretFor(FUZZ_ENDPOINT_SECRET), ts, signed);
  }
  return { path: ORDER_EVENTS_PATH, headers };
}

const BUSINESS_TABLES = ['orders', 'order_events', 'notifications', 'webhook_status_events', 'inbound_contacts', 'blacklist'];

/**
 * Sends `runs` generated requests to one route of a running webhook server and checks each:
 * never a 5xx or a dropped connection; nothing written at all (SQLite's data_version, which moves
 * on any other connection's commit) unless the request was validly signed; no business row
 * added unless it was also answered 2xx.
 */
export async function fuzzRoute(hook: TestWebhook, route: FuzzRoute, runs: number, seed?: number): Promise<FuzzOutcome> {
  const outcome: FuzzOutcome = { requests: 0, byStatus: {}, serverErrors: 0, writesFromRefused: 0 };
  const dataVersion = () => hook.reader.pragma('data_version', { simple: true }) as number;
  const countRows = hook.reader.prepare<[], { n: number }>(`SELECT ${BUSINESS_TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`);
  const businessRows = () => countRows.get()?.n ?? 0;
  await fc.assert(
    fc.asyncProperty(fuzzCases(route), async (c) => {
      const { path, headers } = fuzzRequest(route, c);
      const before = dataVersion();
      const rowsBefore = businessRows();
      const answer = await httpRequest(hook.server.port, { method: 'POST', path, headers, body: c.body }).catch(() => ({ status: 0, body: '' }));
      const changed = dataVersion() !== before;
      outcome.requests++;
      outcome.byStatus[answer.status] = (outcome.byStatus[answer.status] ?? 0) + 1;
      const serverError = answer.status === 0 || answer.status >= 500;
      const refusedWrite = changed && (c.signing !== 'valid' || ((answer.status < 200 || answer.status >= 300) && businessRows() !== rowsBefore));
      if (serverError) outcome.serverErrors++;
      if (refusedWrite) outcome.writesFromRefused++;
      return !serverError && !refusedWrite;
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
  );
  return outcome;
}

/** Stores the three routes' secrets, so no answer is a 503 "not configured". */
export function configureFuzzSecrets(hook: TestWebhook): void {
  hook.secrets.set('wooWebhookSecret', FUZZ_WOO_SECRET);
  hook.secrets.set('orderEndpointSecret', FUZZ_ENDPOINT_SECRET);
}
