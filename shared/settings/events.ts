import { z } from 'zod';
import { ORDER_EVENTS, type OrderEvent } from '../domain/order-events';

/** "Notification Events": which order events send a WhatsApp message. */
export const notificationEventsSchema = z.object(
  Object.fromEntries(ORDER_EVENTS.map((event) => [event, z.boolean()])) as Record<OrderEvent, z.ZodBoolean>,
);
export type NotificationEventToggles = Record<OrderEvent, boolean>;

/** All six on: a shop that installs Recado wants its customers told about every step. */
export const DEFAULT_NOTIFICATION_EVENTS: NotificationEventToggles = Object.fromEntries(
  ORDER_EVENTS.map((event) => [event, true]),
) as NotificationEventToggles;
