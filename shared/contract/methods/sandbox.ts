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

export const sandboxMethods = {
  'sandbox.status': method(z.object({}).strict()).returns<SandboxStatus>(),
  /** Switches mode: closes the current database and emulator, opens the other mode's. */
  'sandbox.setMode': method(z.object({ enabled: z.boolean() }).strict()).returns<SandboxStatus>(),
  /**
   * Sandbox mode only: the demo customer with this number writes to the shop (a reply such as
   * "PARAR"), and the emulator delivers it to Recado's webhook as Meta would.
   */
  'sandbox.customerReply': method(
    z
      .object({
        phone: z.string().trim().min(1, { error: 'validation.required' }).max(40),
        text: z.string().trim().min(1, { error: 'validation.required' }).max(1024),
      })
      .strict(),
  ).returns<{ waId: string }>(),
};
