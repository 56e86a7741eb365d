/** The six order events Recado notifies customers about, in the wireframe's order. */
export const ORDER_EVENTS = [
  'order_placed',
  'order_processing',
  'shipment_created',
  'shipment_delivered',
  'order_cancelled',
  'refund_issued',
] as const;

export type OrderEvent = (typeof ORDER_EVENTS)[number];
