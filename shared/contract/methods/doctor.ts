import { z } from 'zod';
import { method } from '../define';

/**
 * The setup doctor's checks, in the order a problem blocks the next (a check whose prerequisite
 * failed is `skipped` and names it). Each id has its sentences under `doctor.check.<id>.*`.
 */
export const DOCTOR_CHECKS = [
  'credentials',
  'phone',
  'health',
  'subscription',
  'callback',
  'verification',
  'reachability',
  'templates',
  'apiVersion',
  'dispatcher',
] as const;
export type DoctorCheckId = (typeof DOCTOR_CHECKS)[number];

/** One-click repairs, each done through Meta's API (or the app's own settings), then the doctor runs again. */
export const DOCTOR_FIXES = [
  'registerPhone',
  'subscribeApp',
  'pointWabaOverride',
  'removePhoneOverride',
  'switchApiVersion',
  'resumeDispatcher',
] as const;
export type DoctorFixId = (typeof DOCTOR_FIXES)[number];

export type DoctorVerdict = 'pass' | 'warn' | 'fail' | 'skipped';

/** What the doctor saw: Meta's code and words (English, as Meta wrote them), the URL, when. */
export interface DoctorEvidence {
  code: number | null;
  /** Meta's message, or the connection error. */
  message: string | null;
  url: string | null;
  at: number;
}

export interface DoctorCheck {
  id: DoctorCheckId;
  verdict: DoctorVerdict;
  /** Sentence key suffix: the renderer shows `doctor.check.<id>.<reason>` with `params`. */
  reason: string;
  params: Record<string, string | number>;
  evidence: DoctorEvidence[];
  /** The repair on offer; `needs` says what the owner must give first. */
  fix: { id: DoctorFixId; needs: 'nothing' | 'pin' | 'confirm' } | null;
  /** Where to do it by hand at Meta (a page of Meta's docs or dashboard). */
  link: string | null;
  /** For `skipped`: the check that failed first. */
  skippedBecause: DoctorCheckId | null;
}

export interface DoctorResult {
  at: number;
  mode: 'sandbox' | 'live';
  /** The worst verdict (skipped counts as fail: something upstream is broken). */
  overall: 'pass' | 'warn' | 'fail';
  checks: DoctorCheck[];
}

export interface SupportBundle {
  fileName: string;
  /** Where it was written (the data folder's `support/`). */
  path: string;
  /** The zip itself, for the renderer to offer as a download. */
  base64: string;
  bytes: number;
}

/** The receipts Meta sent for one message (status webhooks), oldest first. */
export interface MessageReceipts {
  wamid: string;
  statuses: { status: string; at: number; errorCode: number | null }[];
}

export const doctorMethods = {
  /** What the status webhooks said about one message (the wizard's test message), by its wamid. */
  'doctor.messageReceipts': method(z.object({ wamid: z.string().trim().min(1).max(200) }).strict()).returns<MessageReceipts>(),
  /** Runs every check now (a few Graph calls; templates are synced as part of it). */
  'doctor.run': method(z.object({}).strict()).returns<DoctorResult>(),
  /** The last result (kept across restarts), or null before the first run. */
  'doctor.last': method(z.object({}).strict()).returns<DoctorResult | null>(),
  /** Applies one repair, then runs the doctor again. `removePhoneOverride` needs `confirm: true`. */
  'doctor.fix': method(
    z
      .object({
        fix: z.enum(DOCTOR_FIXES),
        pin: z
          .string()
          .trim()
          .regex(/^\d{6}$/, { error: 'validation.pin' })
          .optional(),
        confirm: z.boolean().optional(),
      })
      .strict(),
  ).returns<DoctorResult>(),
  /** "Gerar pacote de suporte": a zip without any secret (see electron/core/doctor/README.md). */
  'doctor.supportBundle': method(z.object({}).strict()).returns<SupportBundle>(),
};
