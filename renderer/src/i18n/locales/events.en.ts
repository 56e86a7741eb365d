import type { SameShape } from './same-shape';
import type { eventsPtBR } from './events.pt-BR';

/**
 * The notification events screen (features/events) and each event's name (`events.items.<event>`).
 * (English: same keys as the pt-BR file, checked by the compiler).
 */
export const eventsEn: SameShape<typeof eventsPtBR> = {
  refused: 'On, but Meta would refuse this notice’s template:',
  fixInTemplates: 'Fix it in Message templates',
  refusedCheckFailed: 'Could not check whether Meta would accept the notices’ templates:',
  title: 'Notification events',
  subtitle: 'Enable/disable which order events trigger WhatsApp messages',
  masterOff: 'Sending is paused by the master switch. Enabled events wait in the queue until you turn it back on.',
  saved: 'Event updated',
  items: {
    order_placed: {
      label: 'Order placed',
      help: 'Send confirmation when a new order is placed. Includes order number and total.',
    },
    order_processing: {
      label: 'Order processing',
      help: 'Notify when order moves to processing status. Provides estimated timeline.',
    },
    shipment_created: {
      label: 'Shipment created',
      help: 'Send tracking number and carrier info when a shipment is created for the order.',
    },
    shipment_delivered: {
      label: 'Shipment delivered',
      help: 'Confirm delivery when shipment is marked as delivered. Includes delivery date.',
    },
    order_cancelled: {
      label: 'Order cancelled',
      help: 'Notify customer when their order is cancelled. Includes cancellation reason.',
    },
    refund_issued: {
      label: 'Refund issued',
      help: 'Send notification when a refund is processed for the order.',
    },
  },
};
