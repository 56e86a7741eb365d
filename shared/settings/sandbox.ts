import { z } from 'zod';

/**
 * Sandbox mode: the app talks to the local Meta emulator (demo WABA, number and templates)
 * instead of Meta, with its own database. On by default for a new install without credentials
 * (decided once, at the first start; see electron/core/sandbox/sandbox-mode.ts).
 */
export const sandboxSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Seed of the emulator's "sometimes" (skipped delivered, duplicates…): same seed, same run. */
  seed: z.number().int().min(0).max(2 ** 31 - 1),
});
export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;

export const DEFAULT_SANDBOX_SETTINGS: SandboxSettings = { enabled: true, seed: 1 };
