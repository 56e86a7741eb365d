import { z } from 'zod';
import { dispatchSettingsSchema } from '../settings/dispatch';
import { notificationEventsSchema } from '../settings/events';
import { generalSettingsSchema } from '../settings/general';
import { tunnelStateSchema } from './methods/tunnel';
import { webhookActivitySchema } from './methods/webhook';

/**
 * Events the backend pushes to every open window, whatever the transport. Payloads are
 * validated before they are sent, so a listener can trust their shape.
 */
export const events = {
  'settings.dispatchChanged': dispatchSettingsSchema,
  'settings.generalChanged': generalSettingsSchema,
  'settings.eventsChanged': notificationEventsSchema,
  'credentials.changed': z.object({ at: z.number() }),
  /** The core reopened in the other mode; screens reload their data. */
  'sandbox.modeChanged': z.object({ enabled: z.boolean() }),
  /** Webhook counters and last callback/verification times (throttled to a few per second). */
  'webhook.activity': webhookActivitySchema,
  /** Tunnel state and callback registration at Meta, on every change. */
  'tunnel.stateChanged': tunnelStateSchema,
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
