import { z } from 'zod';
import { method } from '../define';

export interface WizardStatus {
  /** Show the wizard now (a fresh data folder, or reopened from Tools). */
  show: boolean;
  outcome: 'completed' | 'skipped' | null;
}

export const wizardMethods = {
  'wizard.status': method(z.object({}).strict()).returns<WizardStatus>(),
  /** The owner finished or skipped it: not shown again until reopened. */
  'wizard.finish': method(z.object({ outcome: z.enum(['completed', 'skipped']) }).strict()).returns<WizardStatus>(),
  /** "Abrir o assistente" in Tools. */
  'wizard.reopen': method(z.object({}).strict()).returns<WizardStatus>(),
};
