import type { OrderSourceKind } from './order';

/** One reason an order was refused: the field (a dotted path in the source's or Recado's shape) and a `validation.*` key. */
export interface RefusalIssue {
  path: string;
  key: string;
  /** The limit the message names (`validation.tooLong`'s maximum…), when it has one. */
  params?: Record<string, number>;
}

/** What the owner is shown of an offending value: its field and a short, printable excerpt. */
export interface RefusalExcerpt {
  path: string;
  value: string;
}

/** A refused order as the Orders screen lists it ("Pedidos recusados"). */
export interface RefusedOrderView {
  source: OrderSourceKind;
  externalId: string;
  /** The number the source showed, when it could be read. */
  number: string | null;
  issues: RefusalIssue[];
  excerpt: RefusalExcerpt[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** How many times the source sent it while refused. */
  times: number;
}

/** The fields a refusal can name, in words the owner knows (`ordersRefused.field.<field>`). */
export const REFUSAL_FIELDS = [
  'id',
  'number',
  'customerName',
  'phone',
  'total',
  'currency',
  'status',
  'dates',
  'trackingCode',
  'trackingUrl',
  'carrier',
  'shipments',
  'refundAmount',
  'refundReason',
  'refunds',
  'cancelReason',
  'metaData',
  'event',
  'order',
] as const;
export type RefusalField = (typeof REFUSAL_FIELDS)[number];

/**
 * Which field a refusal path names, whatever shape it is in: Recado's order (`totalMinor`,
 * `shipments.0.trackingNumber`), WooCommerce's REST order (`billing.phone`, `refunds.2.total`,
 * `meta_data`) or the signed endpoint's body (`order.total`, `shipment.trackingNumber`).
 */
export function refusalField(path: string): RefusalField {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const last = parts.at(-1) ?? '';
  const in_ = (group: string) => parts.includes(group);
  if (parts.length === 0) return 'order';
  if (in_('refunds') || in_('refund')) {
    if (['amountMinor', 'total', 'amount'].includes(last)) return 'refundAmount';
    if (['reason', 'refund'].includes(last)) return 'refundReason';
    if (last === 'at' || /date/.test(last)) return 'dates';
    return 'refunds';
  }
  if (in_('meta_data')) return 'metaData';
  if (/tracking(Number|_number|_code|Code)?$/.test(last)) return 'trackingCode';
  if (/(trackingUrl|_link)$/.test(last)) return 'trackingUrl';
  if (last === 'carrier' || in_('shipping_lines')) return 'carrier';
  if (in_('shipments') || in_('shipment')) return /At$/.test(last) ? 'dates' : 'shipments';
  if (/phone|cellphone/.test(last)) return 'phone';
  if (['first_name', 'last_name', 'customerName', 'billing', 'shipping'].includes(last)) return 'customerName';
  if (['totalMinor', 'total'].includes(last)) return 'total';
  if (last === 'currency') return 'currency';
  if (last === 'number') return 'number';
  if (['id', 'externalId', 'eventId'].includes(last)) return 'id';
  if (last === 'status') return 'status';
  if (/date|At$|_gmt$/.test(last)) return 'dates';
  if (last === 'cancelReason') return 'cancelReason';
  if (last === 'event') return 'event';
  return 'order';
}
