/**
 * Recado's own order model. Every order source (the local order book, WooCommerce, CSV import,
 * the signed endpoint) maps what it reads into this shape; event derivation only ever sees it.
 * Money is in minor units (centavos) so no float ever rounds a customer's total.
 */
export const ORDER_SOURCES = ['local', 'woocommerce', 'csv', 'endpoint', 'sandbox'] as const;
export type OrderSourceKind = (typeof ORDER_SOURCES)[number];

/** The app's order states; each source maps its own statuses onto these. */
export const ORDER_STATUSES = ['pending', 'processing', 'completed', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Shipment {
  /** Stable within the order (tracking number, plugin item id…): one Shipment Created each. */
  id: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** A URL the source already gave; otherwise built from the carrier's pattern. */
  trackingUrl: string | null;
  shippedAt: number | null;
  deliveredAt: number | null;
}

export interface Refund {
  /** Stable within the order: one Refund Issued each. */
  id: string;
  amountMinor: number;
  at: number;
  reason: string | null;
}

/** What was refunded so far, in the order's minor units (the sum of its refunds). */
export function refundedMinor(order: Pick<Order, 'refunds'>): number {
  return order.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
}

export interface Order {
  source: OrderSourceKind;
  /** The order's id inside its source (WooCommerce id, local row id…). */
  externalId: string;
  /** What the customer sees, e.g. `10247`. */
  number: string;
  customerName: string;
  /** As the source gave it; normalized to E.164 before sending. */
  phone: string | null;
  totalMinor: number;
  /** ISO 4217, e.g. `BRL`. */
  currency: string;
  status: OrderStatus;
  createdAt: number;
  updatedAt: number;
  shipments: Shipment[];
  refunds: Refund[];
  cancelReason: string | null;
}
