import type { OrderStatus } from '../../../../shared/domain/order';

/** The badge colour of each order status, the same in the order book and the order drawer. */
export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = { pending: 'gray', processing: 'blue', completed: 'teal', cancelled: 'red', refunded: 'orange' };
