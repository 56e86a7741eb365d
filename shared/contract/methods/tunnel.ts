import { z } from 'zod';
import { method } from '../define';
import { TUNNEL_MODES, tunnelSettingsSchema, type TunnelSettings } from '../../settings/tunnel';

export const REGISTRATION_STATES = ['idle', 'not_configured', 'registering', 'registered', 'failed'] as const;

/** Where the callback URL stands at Meta (WABA-level override through `subscribed_apps`). */
export const callbackRegistrationSchema = z.object({
  state: z.enum(REGISTRATION_STATES),
  /** The callback URL being (or last) registered. */
  callbackUrl: z.string().nullable(),
  /** Meta's reason when it refused, or why registration cannot run (stable code or Meta text). */
  reason: z.string().nullable(),
  nextRetryAt: z.number().nullable(),
  registeredAt: z.number().nullable(),
});
export type CallbackRegistration = z.infer<typeof callbackRegistrationSchema>;

export const TUNNEL_STATES = ['stopped', 'connecting', 'online', 'offline'] as const;

/** Pushed as `tunnel.stateChanged`. */
export const tunnelStateSchema = z.object({
  mode: z.enum(TUNNEL_MODES),
  state: z.enum(TUNNEL_STATES),
  /** Public base URL (no path) when online. */
  publicUrl: z.string().nullable(),
  /** The URL Meta must call: publicUrl + `/webhook/whatsapp`. */
  webhookUrl: z.string().nullable(),
  /** Why it is offline (`server_unreachable`, `server_refused`, `connection_lost`, …, or the error text). */
  reason: z.string().nullable(),
  nextRetryAt: z.number().nullable(),
  /** Failed attempts since the last time it was online. */
  attempt: z.number(),
  registration: callbackRegistrationSchema,
});
export type TunnelState = z.infer<typeof tunnelStateSchema>;

export const tunnelMethods = {
  'tunnel.status': method(z.object({}).strict()).returns<TunnelState>(),
  'tunnel.getSettings': method(z.object({}).strict()).returns<TunnelSettings>(),
  /** Saves and, when the tunnel service is running, restarts it with the new settings. */
  'tunnel.saveSettings': method(tunnelSettingsSchema).returns<TunnelSettings>(),
};
