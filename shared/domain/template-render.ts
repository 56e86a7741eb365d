import type { Order } from './order';
import { formatMoney } from './money-format';
import { isKnownCurrency } from './order-schema';
import type { OrderEvent } from './order-events';
import { buildTrackingUrl, type TrackingSettings } from '../settings/tracking';
import type { Binding, OrderField, TemplateMapping, TemplateParam, TemplatesSettings } from '../settings/templates';

/**
 * Pure rendering of an event's template mapping against an order: the `components` Meta's send
 * endpoint wants, the values shown in the preview, and the plain text used when templates are
 * off. Runs in the core (before each send, `templates.preview`/`dryRun`) and could run in the
 * renderer.
 */

export interface RenderContext {
  order: Order;
  event: OrderEvent;
  /** Shipment id (shipment events) or refund id (refund events); '' otherwise. */
  subId: string;
  tracking: TrackingSettings;
  locale: string;
  timeZone: string;
}

/** A send parameter as Meta's `POST /messages` takes it (Meta's docs: messages/send-messages). */
export type SendParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'image'; image: { link: string } }
  | { type: 'video'; video: { link: string } }
  | { type: 'document'; document: { link: string; filename?: string } };

export interface SendComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: 'url';
  index?: string;
  parameters: SendParameter[];
}

export interface RenderedParam {
  component: 'header' | 'body' | 'button';
  name: string;
  /** Button position, for button parameters. */
  index?: number;
  value: string;
}

export interface RenderedTemplate {
  name: string;
  language: string;
  /** Positional (`{{1}}`) or named (`{{first_name}}`), from the parameter names. */
  format: 'positional' | 'named';
  components: SendComponent[];
  params: RenderedParam[];
  /** The preview text with every placeholder filled: what the customer reads, and the plain text. */
  text: string;
  /** Parameters whose value came out empty (sent as `-`: Meta refuses empty parameters). */
  emptyParams: string[];
}

export const EMPTY_VALUE = '-';

/**
 * An order whose own data cannot be written into a message: its currency is not an ISO 4217 code
 * Intl knows (an order stored by an older version, before sources refused such orders). The
 * dispatcher fails that one notification with `reason` (a `DispatchReason`); the dry run says it in
 * words. Any other error while rendering is not the order's fault by itself (see send-one.ts).
 */
export class OrderRenderError extends Error {
  constructor(
    readonly reason: 'invalid_currency',
    /** The offending value as stored (`USDT`), for the log's error column and the screen. */
    readonly value: string,
  ) {
    super(`${reason}: ${JSON.stringify(value)}`);
    this.name = 'OrderRenderError';
  }
}

/**
 * Money in the order's own currency, written in `locale` (`R$ 1.234,56`, `US$ 218,90` in pt-BR),
 * with or without the symbol, plain spaces. Throws `OrderRenderError` for a currency Intl does not
 * know, never a bare RangeError.
 */
function orderMoney(minor: number, ctx: RenderContext, symbol: boolean): string {
  const { currency } = ctx.order;
  if (!isKnownCurrency(currency)) throw new OrderRenderError('invalid_currency', currency);
  return formatMoney(minor, currency, ctx.locale, { symbol, plainSpaces: true });
}

/** dd/mm/aaaa in the shop's time zone, whatever the locale. */
export function formatDate(ms: number | null | undefined, timeZone: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

function shipmentOf(ctx: RenderContext) {
  const { shipments } = ctx.order;
  if (ctx.event === 'shipment_created' || ctx.event === 'shipment_delivered') {
    return shipments.find((s) => s.id === ctx.subId) ?? shipments.at(-1) ?? null;
  }
  return shipments.at(-1) ?? null;
}

function refundOf(ctx: RenderContext) {
  const { refunds } = ctx.order;
  return (ctx.event === 'refund_issued' ? refunds.find((r) => r.id === ctx.subId) : undefined) ?? refunds.at(-1) ?? null;
}

/** One order field as text ('' when the order does not have it). */
export function orderFieldValue(field: OrderField, ctx: RenderContext): string {
  const { order } = ctx;
  switch (field) {
    case 'customer_first_name':
      return order.customerName.trim().split(/\s+/)[0] ?? '';
    case 'customer_name':
      return order.customerName.trim();
    case 'order_number':
      return order.number;
    case 'order_total':
      return orderMoney(order.totalMinor, ctx, true);
    case 'order_total_number':
      return orderMoney(order.totalMinor, ctx, false);
    case 'carrier':
      return shipmentOf(ctx)?.carrier ?? '';
    case 'tracking_number':
      return shipmentOf(ctx)?.trackingNumber ?? '';
    case 'tracking_url': {
      const shipment = shipmentOf(ctx);
      if (!shipment) return '';
      if (shipment.trackingUrl) return shipment.trackingUrl;
      return shipment.trackingNumber ? buildTrackingUrl(ctx.tracking, shipment.carrier, shipment.trackingNumber) : '';
    }
    case 'order_date':
      return formatDate(order.createdAt, ctx.timeZone);
    case 'shipped_date':
      return formatDate(shipmentOf(ctx)?.shippedAt, ctx.timeZone);
    case 'delivered_date':
      return formatDate(shipmentOf(ctx)?.deliveredAt, ctx.timeZone);
    case 'cancel_reason':
      return order.cancelReason ?? '';
    case 'refund_amount': {
      const refund = refundOf(ctx);
      return refund ? orderMoney(refund.amountMinor, ctx, true) : '';
    }
    case 'refund_amount_number': {
      const refund = refundOf(ctx);
      return refund ? orderMoney(refund.amountMinor, ctx, false) : '';
    }
  }
}

export function bindingValue(binding: Binding, ctx: RenderContext): string {
  return (binding.kind === 'text' ? binding.text : orderFieldValue(binding.field, ctx)).trim();
}

const isPositionalName = (name: string) => /^\d+$/.test(name);

/** Named when any parameter has a non-numeric name. */
export function mappingFormat(mapping: TemplateMapping): 'positional' | 'named' {
  const names = [...mapping.body, ...(mapping.header.kind === 'text' ? mapping.header.params : [])].map((p) => p.name);
  return names.some((n) => !isPositionalName(n)) ? 'named' : 'positional';
}

/** Replaces `{{key}}` with the values; unknown keys stay as they are. */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values.get(key) ?? whole);
}

/** Renders one event's mapping against an order. */
export function renderTemplate(settings: TemplatesSettings, event: OrderEvent, ctx: RenderContext, mapping = settings.events[event]): RenderedTemplate {
  const format = mappingFormat(mapping);
  const params: RenderedParam[] = [];
  const emptyParams: string[] = [];
  const values = new Map<string, string>();
  const valueOf = (param: TemplateParam, label: string) => {
    const value = bindingValue(param.value, ctx);
    if (value === '') emptyParams.push(label);
    return value === '' ? EMPTY_VALUE : value;
  };
  const textParams = (list: TemplateParam[], component: 'header' | 'body'): SendParameter[] => {
    const ordered = format === 'positional' ? [...list].sort((a, b) => Number(a.name) - Number(b.name)) : list;
    return ordered.map((param) => {
      const value = valueOf(param, `${component}.${param.name}`);
      values.set(param.name, value);
      params.push({ component, name: param.name, value });
      return format === 'named' ? { type: 'text', text: value, parameter_name: param.name } : { type: 'text', text: value };
    });
  };

  const components: SendComponent[] = [];
  const { header } = mapping;
  if (header.kind === 'text' && header.params.length > 0) components.push({ type: 'header', parameters: textParams(header.params, 'header') });
  if (header.kind === 'media') {
    const media: SendParameter =
      header.format === 'document'
        ? { type: 'document', document: { link: header.link, ...(header.filename ? { filename: header.filename } : {}) } }
        : header.format === 'image'
          ? { type: 'image', image: { link: header.link } }
          : { type: 'video', video: { link: header.link } };
    params.push({ component: 'header', name: header.format, value: header.link });
    components.push({ type: 'header', parameters: [media] });
  }
  if (mapping.body.length > 0) components.push({ type: 'body', parameters: textParams(mapping.body, 'body') });
  for (const button of [...mapping.buttons].sort((a, b) => a.index - b.index)) {
    const value = valueOf(button.param, `button.${button.index}`);
    params.push({ component: 'button', name: button.param.name, index: button.index, value });
    components.push({ type: 'button', sub_type: 'url', index: String(button.index), parameters: [{ type: 'text', text: value }] });
  }
  return {
    name: mapping.templateName,
    language: mapping.language || settings.defaultLanguage,
    format,
    components,
    params,
    text: fillPlaceholders(mapping.previewText, values).trim(),
    emptyParams,
  };
}

/** A sample order for previews when no real order is chosen. */
export function sampleOrder(now: number): Order {
  const day = 86_400_000;
  return {
    source: 'local',
    externalId: 'sample',
    number: '10247',
    customerName: 'Maria Souza',
    phone: '+5511987654321',
    totalMinor: 123456,
    currency: 'BRL',
    status: 'completed',
    createdAt: now - 3 * day,
    updatedAt: now,
    shipments: [
      { id: 'QR123456789BR', carrier: 'Correios', trackingNumber: 'QR123456789BR', trackingUrl: null, shippedAt: now - 2 * day, deliveredAt: now },
    ],
    refunds: [{ id: 'sample-refund', amountMinor: 3456, at: now, reason: null }],
    cancelReason: 'Pagamento não aprovado',
  };
}
