import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WooMeta, WooOrderJson as WooOrder } from '../woo-types';
import { join } from 'node:path';
import { sharedFixturesDir } from '../../../testing/shared-fixtures';

/**
 * A fake WooCommerce store for tests, following REST v3 as documented (WooCommerce REST API v3
 * docs): Basic auth or `consumer_key`/`consumer_secret` in the query, `modified_after`/`after`
 * with `dates_are_gmt` (site time = UTC−3 otherwise), `per_page` 1–100 (400
 * `rest_invalid_param` outside), `X-WP-Total`/`X-WP-TotalPages`/`Link` headers, single orders,
 * refunds, and the order JSON of shared/fixtures/orders. Orders change through helpers that bump
 * `date_modified_gmt` like WooCommerce does on save. `behaviour` switches on the failure modes
 * real hosts show.
 */
export interface FakeWooBehaviour {
  /** CGI/FastCGI host: the Authorization header never reaches WordPress. */
  dropsAuthorizationHeader?: boolean;
  /** WooCommerce older than 5.x: `modified_after` silently ignored. */
  ignoresModifiedAfter?: boolean;
  /** Pretty permalinks off: /wp-json/ is WordPress's HTML 404 page. */
  permalinksOff?: boolean;
  /** REST route missing: 404 `rest_no_route` JSON. */
  noRoute?: boolean;
  /** A security plugin answers an HTML challenge page with 200. */
  htmlChallenge?: boolean;
  /** Delay every answer by this many ms. */
  delayMs?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  auth: 'basic' | 'query' | 'none';
}

export const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(sharedFixturesDir('orders'), name), 'utf8')) as T;

const SITE_OFFSET_MS = -3 * 3_600_000;
const gmt = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export class FakeWooStore {
  readonly key = 'ck_0123456789abcdef0123456789abcdef01234567';
  readonly secret = 'cs_0123456789abcdef0123456789abcdef01234567';
  readonly requests: FakeRequest[] = [];
  behaviour: FakeWooBehaviour = {};
  /** Store time (Unix ms); tests move it. */
  now = Date.UTC(2026, 10, 20, 12, 0, 0);
  private readonly orders = new Map<number, WooOrder>();
  private readonly refundObjects = new Map<number, Record<string, unknown>[]>();
  private nextId = 1000;
  private server: Server | null = null;
  url = '';

  /** A new order from the fixture template (order 727), with patches. */
  addOrder(patch: Partial<WooOrder> = {}): WooOrder {
    const template = fixture<WooOrder>('woocommerce-rest-order-727-retrieve.json');
    const id = patch.id ?? this.nextId++;
    const order: WooOrder = {
      ...template,
      id,
      number: String(id),
      status: 'pending',
      currency: 'BRL',
      date_created_gmt: gmt(this.now),
      date_modified_gmt: gmt(this.now),
      date_paid_gmt: null,
      date_completed_gmt: null,
      billing: { ...template.billing, first_name: 'Maria', last_name: 'Souza', phone: '(11) 98765-4321', country: 'BR' },
      meta_data: [...(template.meta_data ?? [])],
      refunds: [],
      ...patch,
    };
    this.orders.set(id, order);
    return order;
  }

  /**
   * Overwrites fields with values of any shape, as a broken plugin or an old WooCommerce would
   * serve them (`billing.phone` as a number, `refunds: {}`, `total: "1e999"`), without bumping the date.
   */
  corrupt(id: number, fields: Record<string, unknown>): void {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    Object.assign(order, fields);
  }

  /** Puts a fixture order in the store as is (it keeps its own dates). */
  addRaw(order: WooOrder): void {
    this.orders.set(order.id, structuredClone(order));
  }

  /** A save in wp-admin: applies the change and bumps `date_modified_gmt` to store time. */
  update(id: number, change: (order: WooOrder) => void): WooOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    change(order);
    order.date_modified_gmt = gmt(this.now);
    if (order.status === 'processing') order.date_paid_gmt ??= gmt(this.now);
    if (order.status === 'completed') order.date_completed_gmt ??= gmt(this.now);
    return order;
  }

  setStatus(id: number, status: string): WooOrder {
    return this.update(id, (o) => void (o.status = status));
  }

  setMeta(id: number, key: string, value: unknown): WooOrder {
    return this.update(id, (o) => {
      const meta = (o.meta_data ??= []);
      const existing = meta.find((m) => m.key === key);
      if (existing) existing.value = value;
      else meta.push({ id: 20000 + meta.length, key, value } satisfies WooMeta);
    });
  }

  /** What Shipment Tracking's "add tracking item" (and AST's) writes to `_wc_shipment_tracking_items`. */
  addTrackingItem(id: number, item: { provider: string; number: string; custom?: boolean; link?: string; ast?: boolean }): WooOrder {
    const order = this.orders.get(id);
    const current = (order?.meta_data?.find((m) => m.key === '_wc_shipment_tracking_items')?.value as unknown[]) ?? [];
    const entry: Record<string, unknown> = {
      tracking_provider: item.custom ? '' : item.provider,
      custom_tracking_provider: item.custom ? item.provider : '',
      custom_tracking_link: item.custom ? (item.link ?? '') : '',
      tracking_number: item.number,
      date_shipped: String(Math.floor(this.now / 1000)),
      tracking_id: createHmac('md5', 'x').update(item.number).digest('hex'),
    };
    if (item.ast) Object.assign(entry, { status_shipped: 1, ast_tracking_link: item.link ?? '' });
    return this.setMeta(id, '_wc_shipment_tracking_items', [...current, entry]);
  }

  /** A refund in wp-admin: the refund object, the order's `refunds[]` summary, `refunded` when total. */
  refund(id: number, amount: string, reason = ''): WooOrder {
    const refundId = this.nextId++;
    const list = this.refundObjects.get(id) ?? [];
    list.push({ id: refundId, date_created_gmt: gmt(this.now), amount, reason, refunded_by: 1, refunded_payment: false, meta_data: [], line_items: [] });
    this.refundObjects.set(id, list);
    return this.update(id, (o) => {
      o.refunds = [{ id: refundId, reason, total: `-${amount}` }, ...(o.refunds ?? [])];
      const refunded = (o.refunds ?? []).reduce((sum, r) => sum - Number(r.total), 0);
      if (Math.abs(refunded - Number(o.total)) < 0.005) o.status = 'refunded';
    });
  }

  get(id: number): WooOrder | undefined {
    return this.orders.get(id);
  }

  /** Count of orders-list requests since the last reset (what a poll costs). */
  countRequests(): number {
    return this.requests.length;
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  /** The exact request WooCommerce sends for a webhook delivery (body = REST JSON, base64 HMAC). */
  webhookDelivery(id: number, topic: 'order.created' | 'order.updated' | 'order.deleted', secret: string) {
    const order = this.orders.get(id);
    const body = topic === 'order.deleted' ? JSON.stringify({ id }) : JSON.stringify(order);
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
        'x-wc-webhook-source': `${this.url}/`,
        'x-wc-webhook-topic': topic,
        'x-wc-webhook-resource': 'order',
        'x-wc-webhook-event': topic.split('.')[1] ?? '',
        'x-wc-webhook-signature': createHmac('sha256', secret).update(body).digest('base64'),
        'x-wc-webhook-id': '7',
        'x-wc-webhook-delivery-id': String(Math.floor(Math.random() * 1e9)),
      },
    };
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const header = req.headers.authorization;
    let auth: FakeRequest['auth'] = 'none';
    let authorised = false;
    if (header && !this.behaviour.dropsAuthorizationHeader) {
      auth = 'basic';
      const [user, pass] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString().split(':');
      authorised = user === this.key && pass === this.secret;
    } else if (url.searchParams.has('consumer_key')) {
      auth = 'query';
      authorised = url.searchParams.get('consumer_key') === this.key && url.searchParams.get('consumer_secret') === this.secret;
    }
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, auth });
    if (this.behaviour.delayMs) await new Promise((r) => setTimeout(r, this.behaviour.delayMs));
    if (res.destroyed) return;

    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=UTF-8' });
      res.end(`<!DOCTYPE html><html><head><title>${body}</title></head><body><h1>${body}</h1></body></html>`);
    };

    if (this.behaviour.htmlChallenge) return html(200, 'Just a moment...');
    if (!url.pathname.startsWith('/wp-json/')) return html(404, 'Page not found');
    if (this.behaviour.permalinksOff) return html(404, 'Page not found – Minha Loja');
    const route = url.pathname.slice('/wp-json/wc/v3'.length);
    if (!url.pathname.startsWith('/wp-json/wc/v3/') || this.behaviour.noRoute) {
      return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
    }
    if (!authorised) {
      return auth === 'basic' || auth === 'query'
        ? json(401, { code: 'woocommerce_rest_authentication_error', message: 'Consumer secret is invalid.', data: { status: 401 } })
        : json(401, { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
    }

    let match: RegExpMatchArray | null;
    if (route === '/orders') return this.list(url, json);
    if ((match = route.match(/^\/orders\/(\d+)$/))) {
      const order = this.orders.get(Number(match[1]));
      return order ? json(200, order) : json(404, { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } });
    }
    if ((match = route.match(/^\/orders\/(\d+)\/refunds$/))) return json(200, this.refundObjects.get(Number(match[1])) ?? []);
    if (route === '/system_status') return json(200, { environment: { version: '9.4.0' } });
    return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
  }

  private list(url: URL, json: (status: number, body: unknown, headers?: Record<string, string>) => void) {
    const q = url.searchParams;
    const perPage = Number(q.get('per_page') ?? '10');
    const page = Number(q.get('page') ?? '1');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      return json(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400, params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' } } });
    }
    const orderby = q.get('orderby') ?? 'date';
    if (!['date', 'id', 'include', 'title', 'slug', 'modified'].includes(orderby)) {
      return json(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): orderby', data: { status: 400 } });
    }
    // Without dates_are_gmt the filters are site-local time (UTC−3 here).
    const asGmt = q.get('dates_are_gmt') === 'true' || q.get('dates_are_gmt') === '1';
    const bound = (name: string) => {
      const v = q.get(name);
      if (!v) return null;
      const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(v) ? v : `${v}Z`);
      return asGmt ? ms : ms - SITE_OFFSET_MS;
    };
    const modifiedAfter = this.behaviour.ignoresModifiedAfter ? null : bound('modified_after');
    const after = bound('after');
    const ms = (s: string | null | undefined) => Date.parse(`${s}Z`);
    const statuses = (q.get('status') ?? 'any').split(',');
    let list = [...this.orders.values()].filter((o) => {
      if (!statuses.includes('any') && !statuses.includes(o.status)) return false;
      if (statuses.includes('any') && o.status === 'trash') return false;
      if (modifiedAfter !== null && !(ms(o.date_modified_gmt) > modifiedAfter)) return false;
      if (after !== null && !(ms(o.date_created_gmt) > after)) return false;
      return true;
    });
    const key = (o: WooOrder) => (orderby === 'id' ? o.id : orderby === 'modified' ? ms(o.date_modified_gmt) : ms(o.date_created_gmt));
    const dir = q.get('order') === 'asc' ? 1 : -1;
    list = list.sort((a, b) => (key(a) - key(b)) * dir || (a.id - b.id) * dir);
    const total = list.length;
    const totalPages = Math.ceil(total / perPage);
    const slice = list.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => {
      const next = new URL(url.toString().replace('http://fake', this.url));
      next.searchParams.set('page', String(p));
      next.searchParams.delete('consumer_key');
      next.searchParams.delete('consumer_secret');
      return next.toString();
    };
    const links: string[] = [];
    if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < totalPages) links.push(`<${link(page + 1)}>; rel="next"`);
    json(200, slice, { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages), ...(links.length ? { Link: links.join(', ') } : {}) });
  }
}
