import { z } from 'zod';
import { method } from '../define';

export interface SandboxStatus {
  /** Sandbox mode is on: sends go to the local emulator and data lives in its own database. */
  enabled: boolean;
  /** The emulator's base URL while it runs (Sandbox mode only). */
  baseUrl: string | null;
  /** The demo account the emulator plays, for the Status screen's badge and hints. */
  demo: { phoneNumberId: string; displayPhoneNumber: string; businessAccountId: string; appId: string } | null;
}

/** What the simulated customer's message carried. */
export interface SandboxCustomerReply {
  /** The phone Meta put in the webhook; null when it withheld it (username, never messaged by phone). */
  waId: string | null;
  /** The customer's business-scoped user ID (always in the webhook since 2026). */
  userId: string;
  username: string | null;
}

export const sandboxMethods = {
  'sandbox.status': method(z.object({}).strict()).returns<SandboxStatus>(),
  /** Switches mode: closes the current database and emulator, opens the other mode's. */
  'sandbox.setMode': method(z.object({ enabled: z.boolean() }).strict()).returns<SandboxStatus>(),
  /**
   * Sandbox mode only: the demo customer with this number (or this WhatsApp username, `@ana`)
   * writes to the shop (a reply such as "PARAR"), and the emulator delivers it to Recado's webhook
   * as Meta would — without the phone for a customer with a username the shop never messaged.
   */
  'sandbox.customerReply': method(
    z
      .object({
        phone: z.string().trim().min(1, { error: 'validation.required' }).max(40).optional(),
        username: z.string().trim().min(2, { error: 'validation.required' }).max(64).optional(),
        text: z.string().trim().min(1, { error: 'validation.required' }).max(1024),
      })
      .strict()
      .refine((v) => (v.phone === undefined) !== (v.username === undefined), { error: 'validation.required', path: ['phone'] }),
  ).returns<SandboxCustomerReply>(),
  /** Sandbox mode only: the customer's business-scoped user ID changes (`user_changed_user_id` webhook). */
  'sandbox.changeCustomerUserId': method(
    z
      .object({
        phone: z.string().trim().min(1).max(40).optional(),
        username: z.string().trim().min(2).max(64).optional(),
      })
      .strict()
      .refine((v) => (v.phone === undefined) !== (v.username === undefined), { error: 'validation.required', path: ['phone'] }),
  ).returns<{ oldUserId: string; newUserId: string }>(),
};
