import { createQueueRepository } from '../notifications/queue-repository';
import { checkEnabledEvents } from '../templates/refused-events';
import { syncTemplates } from '../templates/template-service';
import { AppError } from '../contract/app-error';
import { NEWEST_TESTED_VERSION, versionInfo, versionLifecycle } from '../../../shared/domain/graph-versions';
import { evidence, LINKS, outcome, refused, type CheckOutcome, type DoctorRun } from './check-kit';
import { lastPolls } from './last-poll';

/**
 * 8. Every enabled event has an APPROVED template in the chosen language whose parameters fit its
 * mapping (the dry run, after a fresh sync); UTILITY, since MARKETING costs ~9× and has caps (§8).
 */
export async function checkTemplates(run: DoctorRun): Promise<CheckOutcome> {
  const { ctx } = run;
  if (!ctx.settings.templates.get().useTemplates) return outcome('warn', 'text_only');
  try {
    await syncTemplates(ctx);
  } catch (error) {
    // The sync wraps Meta's refusal; its details carry Meta's code and our problem key.
    const details = error instanceof AppError && typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
    const problem = typeof details.key === 'string' ? details.key.replace(/^meta\.problem\./, '') : 'other';
    return outcome('fail', 'meta_refused', {
      params: { problem },
      evidence: [evidence(run, { code: typeof details.code === 'number' ? details.code : null, message: error instanceof Error ? error.message : String(error) })],
    });
  }
  const checks = checkEnabledEvents(ctx);
  const refusedEvents = checks.filter((c) => c.problems.length > 0);
  if (refusedEvents.length > 0) {
    return outcome('fail', 'refused', {
      params: { events: refusedEvents.map((c) => c.event).join(',') },
      evidence: refusedEvents.flatMap((c) =>
        c.problems.map((p) => evidence(run, { code: p.code, message: `${c.event} → ${c.templateName || '—'} (${c.language}): ${p.details}` })),
      ),
      link: LINKS.templates,
    });
  }
  const marketing = checks.filter((c) => c.category?.toUpperCase() === 'MARKETING');
  if (marketing.length > 0) {
    return outcome('warn', 'marketing', {
      params: { events: marketing.map((c) => c.event).join(',') },
      evidence: marketing.map((c) => evidence(run, { message: `${c.templateName} (${c.language}): category MARKETING` })),
      link: LINKS.templates,
    });
  }
  return outcome('pass', 'all_fit', { params: { count: checks.length } });
}

/**
 * 9. The configured Graph version is the one Meta serves (its `facebook-api-version` header;
 * an expired one is silently served by another) and is not expiring within 90 days.
 */
export async function checkApiVersion(run: DoctorRun): Promise<CheckOutcome> {
  const configured = run.ctx.meta.account().apiVersion;
  const fix = { id: 'switchApiVersion' as const, needs: 'nothing' as const };
  const params = { version: configured, newest: NEWEST_TESTED_VERSION };
  try {
    // Any cheap call: what matters is the version header of its answer.
    await run.client.getPhoneNumber(run.ctx.meta.account().phoneNumberId, ['display_phone_number']);
  } catch (error) {
    return refused(run, error);
  }
  const served = run.client.servedVersion();
  if (served && served !== configured) {
    return outcome('fail', 'not_served', {
      params: { ...params, served },
      evidence: [evidence(run, { message: `facebook-api-version: ${served}` })],
      fix,
      link: LINKS.versions,
    });
  }
  // The same rule as the Status notice and the credentials save (shared/domain/graph-versions.ts).
  const { state, expiresAt: expires } = versionLifecycle(configured, run.now);
  const dated: Record<string, number> = expires !== null ? { date: expires } : {};
  if (state === 'expired') return outcome('fail', expires === null ? 'expired_undated' : 'expired', { params: { ...params, ...dated }, fix, link: LINKS.versions });
  if (state === 'expiring') return outcome('warn', 'expiring', { params: { ...params, ...dated }, fix, link: LINKS.versions });
  if (!versionInfo(configured)) return outcome('warn', 'unknown', { params, fix, link: LINKS.versions });
  return outcome('pass', expires === null ? 'current' : 'current_until', { params: { ...params, ...(expires !== null ? { date: expires } : {}) } });
}

/**
 * 10. The dispatcher is not paused, the queue moves (its oldest due row is not older than two
 * polling intervals), and every order source answered at its last poll.
 */
export function checkDispatcher(run: DoctorRun): CheckOutcome {
  const { ctx, deps } = run;
  const state = deps.dispatcher.state();
  if (state.state === 'paused' && state.pause) {
    return outcome('fail', 'paused', {
      params: { reason: state.pause.reason, since: state.pause.at },
      evidence: state.pause.code !== null ? [evidence(run, { code: state.pause.code, message: state.pause.message })] : [],
      fix: { id: 'resumeDispatcher', needs: 'nothing' },
    });
  }
  if (state.state === 'disabled') return outcome('warn', 'disabled');
  const interval = ctx.settings.dispatch.get().pollingIntervalSeconds * 1000;
  const oldest = createQueueRepository(ctx.db).due(run.now, 1)[0];
  const dueAt = oldest ? (oldest.nextAttemptAt ?? oldest.createdAt) : null;
  if (state.state === 'running' && dueAt !== null && run.now - dueAt > 2 * interval) {
    return outcome('fail', 'stuck', { params: { count: state.queueSize, since: dueAt } });
  }
  const failing = Object.entries(lastPolls(ctx.db, ctx.logger)).filter(([, poll]) => !poll.ok);
  if (failing.length > 0) {
    return outcome('warn', 'source_failed', {
      params: { sources: failing.map(([source]) => source).join(', ') },
      evidence: failing.map(([source, poll]) => ({ code: null, message: `${source}: ${poll.error ?? ''}`, url: null, at: poll.at })),
    });
  }
  if (state.state === 'stopped') return outcome('warn', 'stopped');
  return outcome('pass', 'running', { params: { queue: state.queueSize } });
}
