import { z } from 'zod';
import { DOCTOR_CHECKS, DOCTOR_FIXES, type DoctorCheck, type DoctorCheckId, type DoctorResult } from '../../../shared/contract/methods/doctor';
import type { CoreContext } from '../core-context';
import { createAppStateRepository } from '../db/app-state-repository';
import { outcome, type CheckOutcome, type DoctorDeps, type DoctorRun } from './check-kit';
import { checkCredentials, checkHealth, checkPhone } from './checks-account';
import { checkApiVersion, checkDispatcher, checkTemplates } from './checks-sending';
import { checkCallback, checkReachability, checkSubscription, checkVerification } from './checks-webhook';

const LAST_RESULT_KEY = 'doctor.lastResult';

/** The kept result as `doctor.last` returns it; a stored value of another shape reads as "never ran". */
const storedDoctorResultSchema: z.ZodType<DoctorResult> = z.object({
  at: z.number(),
  mode: z.enum(['sandbox', 'live']),
  overall: z.enum(['pass', 'warn', 'fail']),
  checks: z.array(
    z.object({
      id: z.enum(DOCTOR_CHECKS),
      verdict: z.enum(['pass', 'warn', 'fail', 'skipped']),
      reason: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      evidence: z.array(z.object({ code: z.number().nullable(), message: z.string().nullable(), url: z.string().nullable(), at: z.number() })),
      fix: z.object({ id: z.enum(DOCTOR_FIXES), needs: z.enum(['nothing', 'pin', 'confirm']) }).nullable(),
      link: z.string().nullable(),
      skippedBecause: z.enum(DOCTOR_CHECKS).nullable(),
    }),
  ),
});

/** Each check, and the checks that must not have failed for it to mean anything. */
const PLAN: Record<DoctorCheckId, { needs: DoctorCheckId[]; run: (run: DoctorRun) => Promise<CheckOutcome> | CheckOutcome }> = {
  credentials: { needs: [], run: checkCredentials },
  phone: { needs: ['credentials'], run: checkPhone },
  health: { needs: ['phone'], run: checkHealth },
  subscription: { needs: ['credentials'], run: checkSubscription },
  callback: { needs: ['subscription'], run: checkCallback },
  verification: { needs: ['callback'], run: checkVerification },
  reachability: { needs: [], run: checkReachability },
  templates: { needs: ['credentials'], run: checkTemplates },
  apiVersion: { needs: ['credentials'], run: checkApiVersion },
  dispatcher: { needs: [], run: checkDispatcher },
};

/**
 * Runs the ten checks in order (DOCTOR_CHECKS), never throwing: a check that crashes reads as a
 * failure with the error as evidence; a check whose prerequisite failed is skipped, naming it.
 * The result is kept (`doctor.last`, the Status summary, the support bundle).
 */
export async function runDoctor(ctx: CoreContext, deps: DoctorDeps): Promise<DoctorResult> {
  const run: DoctorRun = { ctx, deps, client: await ctx.meta.client(), now: ctx.clock.now(), phone: null };
  const checks: DoctorCheck[] = [];
  for (const id of DOCTOR_CHECKS) {
    const step = PLAN[id];
    const blocker = step.needs.find((need) => {
      const verdict = checks.find((c) => c.id === need)?.verdict;
      return verdict === 'fail' || verdict === 'skipped';
    });
    let result: CheckOutcome;
    if (blocker) {
      result = outcome('skipped', 'skipped');
    } else {
      try {
        result = await step.run(run);
      } catch (error) {
        ctx.logger.warn('doctor check crashed', { check: id, error });
        result = outcome('fail', 'crashed', { evidence: [{ code: null, message: error instanceof Error ? error.message : String(error), url: null, at: run.now }] });
      }
    }
    checks.push({ id, ...result, skippedBecause: blocker ?? null });
  }
  const verdicts = checks.map((c) => c.verdict);
  const result: DoctorResult = {
    at: run.now,
    mode: ctx.meta.mode,
    overall: verdicts.some((v) => v === 'fail' || v === 'skipped') ? 'fail' : verdicts.includes('warn') ? 'warn' : 'pass',
    checks,
  };
  createAppStateRepository(ctx.db).set(LAST_RESULT_KEY, result, run.now);
  ctx.events.emit('doctor.finished', { at: result.at, overall: result.overall });
  ctx.logger.info('doctor ran', { overall: result.overall, failing: checks.filter((c) => c.verdict === 'fail').map((c) => c.id) });
  return result;
}

/** The last kept result of this mode, or null. */
export function lastDoctorResult(ctx: CoreContext): DoctorResult | null {
  return createAppStateRepository(ctx.db, ctx.logger).get(LAST_RESULT_KEY, storedDoctorResultSchema) ?? null;
}
