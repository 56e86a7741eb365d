import type { DispatchReason } from '../../../shared/domain/dispatch-reasons';
import type { MetaErrorReasonKey } from '../../../shared/domain/meta-error-reasons';
import { shouldBlacklist } from '../blacklist/permanent-errors';
import type { GraphError } from '../whatsapp/graph-error';
import { retryDelayMs } from '../whatsapp/error-classes';
import type { MetaFailure } from '../notifications/queue-repository';

/**
 * Network/5xx attempts before a notification fails. Six spans at least 0.5+2+8+32+128 s ≈ 2 min 50 s
 * of backoff, so a Meta outage of a minute or two never fails a notification (fault suite:
 * dispatcher-outage.test.ts).
 */
export const MAX_SERVER_ATTEMPTS = 6;
/**
 * After a request got no answer, no request leaves for this long: the API may be hanging, and every
 * request sent into a hang becomes one more `unconfirmed` notification the owner has to check.
 */
export const TIMEOUT_HOLD_MS = 60_000;
/** Per-recipient waits (131049: 24 h) before a notification fails. */
export const MAX_RECIPIENT_WAITS = 3;

export type FailureAction =
  /** No answer but maybe accepted (timeout): never resend automatically. */
  | { kind: 'unconfirmed'; reason: DispatchReason; pause: boolean; holdUntil: number | null }
  | { kind: 'failed'; reason: DispatchReason; blacklist: boolean }
  /** Back to the queue at `at`; `holdAll`: the whole account is throttled (not the pair limit). */
  | { kind: 'retry'; at: number; reason: DispatchReason; holdAll: boolean }
  /** Meta says the customer's window is closed: send the template instead, now. */
  | { kind: 'use_template' }
  /** Token, permission, template, account: pause everything, keep the queue. */
  | { kind: 'pause'; pauseKind: 'config' | 'account_blocked'; reason: MetaErrorReasonKey };

/** Exponential backoff with "equal jitter": half the 4^n s step fixed, half random. */
export function backoffMs(attempt: number, random: () => number): number {
  const base = retryDelayMs(attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

export function failureOf(error: GraphError): MetaFailure {
  const meta = error.meta;
  return {
    code: meta?.code ?? null,
    title: meta?.title ?? null,
    details: meta?.details ?? null,
    error: meta ? `${meta.code}: ${meta.title}${meta.details ? ` (${meta.details})` : ''}` : error.message,
  };
}

/**
 * What one failed send does, by the ONE classifier's class (whatsapp/error-classes.ts). Adding
 * a behaviour: a new case here, its effect in dispatcher.ts `applyFailure`, a test in
 * dispatcher-errors.test.ts.
 */
export function decideFailure(
  error: GraphError,
  ctx: {
    attempts: number;
    contentKind: 'template' | 'text';
    now: number;
    random: () => number;
    previousHits: number;
    /** Server/network failures in a row across all notifications, this one included. */
    serverStreak: number;
  },
): FailureAction {
  const c = error.classification;
  if (c.maybeAccepted) {
    const timeout = error.failure.kind === 'timeout';
    return { kind: 'unconfirmed', reason: timeout ? 'timeout' : 'invalid_response', pause: c.class === 'config', holdUntil: timeout ? ctx.now + TIMEOUT_HOLD_MS : null };
  }
  const code = error.meta?.code ?? null;
  switch (c.class) {
    case 'permanent_recipient':
      return { kind: 'failed', reason: c.reason, blacklist: code !== null && shouldBlacklist(code, ctx.previousHits + 1) };
    case 'retry':
      if (c.reason === 'rate_limit') {
        return { kind: 'retry', at: ctx.now + backoffMs(ctx.attempts - 1, ctx.random), reason: 'rate_limit', holdAll: code !== 131056 };
      }
      if (ctx.attempts >= MAX_SERVER_ATTEMPTS) return { kind: 'failed', reason: 'retries_exhausted', blacklist: false };
      // A server or network error is Meta (or the line) being down for everyone: every request
      // waits, and the wait grows with the failures in a row whichever notification met them, so a
      // one-minute outage costs about five requests, not five per notification.
      return { kind: 'retry', at: ctx.now + backoffMs(Math.max(ctx.attempts, ctx.serverStreak) - 1, ctx.random), reason: c.reason, holdAll: true };
    case 'temporary_recipient':
      if (code === 131047 && ctx.contentKind === 'text') return { kind: 'use_template' };
      if (c.waitMs !== undefined && ctx.attempts < MAX_RECIPIENT_WAITS) return { kind: 'retry', at: ctx.now + c.waitMs, reason: c.reason, holdAll: false };
      return { kind: 'failed', reason: c.reason, blacklist: false };
    case 'config':
    case 'account_blocked':
      return { kind: 'pause', pauseKind: c.class, reason: c.reason };
  }
}
