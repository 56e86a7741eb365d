import { z } from 'zod';
import { dispatchSettingsSchema } from '../settings/dispatch';
import { csvProgressSchema } from './methods/csv';
import { notificationEventsSchema } from '../settings/events';
import { generalSettingsSchema } from '../settings/general';
import { desktopNotificationSchema, dispatchStateSchema } from './methods/dispatch';
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
  /** The core reopened in the other mode; screens reload their data. */
  'sandbox.modeChanged': z.object({ enabled: z.boolean() }),
  /** The setup doctor finished a run (the Status summary reloads `doctor.last`). */
  /** The first-run wizard was finished, skipped or reopened (the shell shows or hides it). */
  'wizard.changed': z.object({ show: z.boolean() }),
  'doctor.finished': z.object({ at: z.number(), overall: z.enum(['pass', 'warn', 'fail']) }),
  /** Webhook counters and last callback/verification times (throttled to a few per second). */
  'webhook.activity': webhookActivitySchema,
  /** Tunnel state and callback registration at Meta, on every change. */
  'tunnel.stateChanged': tunnelStateSchema,
  /** The dispatcher's state on every change: running/paused (why), queue size, next dispatch at. */
  'dispatch.stateChanged': dispatchStateSchema,
  /** A running CSV import's progress (rows written so far), a few times per second at most. */
  'csv.importProgress': csvProgressSchema,
  /** Something the owner must know even with the window closed (the dispatcher paused itself). */
  'notify.desktop': desktopNotificationSchema,
  /** Which events are held because their template became MARKETING changed (screens reload `templates.marketingHolds`). */
  'templates.marketingHoldsChanged': z.object({ held: z.number().int().nonnegative() }),
  /** The refused orders changed (one refused, one passed later, one dismissed): how many are listed now. */
  'orders.refusedChanged': z.object({ total: z.number().int().nonnegative() }),
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
