import { z } from 'zod';

/**
 * The first-run wizard: `undecided` until the first start looks at the data folder (a fresh one
 * without credentials → `pending`, shown; an install already set up → `done`), then `done` when the
 * owner finishes or skips it. Reopened from Tools (back to `pending`).
 */
export const wizardSettingsSchema = z.object({
  state: z.enum(['undecided', 'pending', 'done']),
  /** How it ended last time (null while pending). */
  outcome: z.enum(['completed', 'skipped']).nullable(),
  at: z.number().nullable(),
});
export type WizardSettings = z.infer<typeof wizardSettingsSchema>;

export const DEFAULT_WIZARD_SETTINGS: WizardSettings = { state: 'undecided', outcome: null, at: null };
