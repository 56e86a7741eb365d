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
};
