import type { WebhookActivity, WebhookCounters } from '../../../shared/contract/methods/webhook';
import type { EventBus } from '../contract/event-bus';
import type { Clock } from '../platform/clock';
import type { CallbackEffects } from './process-callback';

export const LAST_CALLBACK_KEY = 'webhook.lastCallbackAt';
export const LAST_VERIFIED_KEY = 'webhook.lastVerifiedAt';
/** At most one `webhook.activity` event per this many ms: a burst of callbacks is one update. */
const PUSH_INTERVAL_MS = 250;

export function emptyCounters(): WebhookCounters {
  return {
    received: 0,
    accepted: 0,
    rejectedSignature: 0,
    rejectedInput: 0,
    failed: 0,
    statusesApplied: 0,
    statusesDuplicate: 0,
    statusesStale: 0,
    statusesOrphan: 0,
    inboundMessages: 0,
    optOuts: 0,
    blacklisted: 0,
    templateUpdates: 0,
    accountErrors: 0,
    ignored: 0,
  };
}

/**
 * The webhook's counters and last times, pushed to the screens as `webhook.activity` (throttled:
 * the first change goes out at once, later ones at most every 250 ms).
 */
export function createWebhookStats(deps: {
  clock: Clock;
  events?: EventBus;
  initial?: { lastCallbackAt: number | null; lastVerifiedAt: number | null };
}) {
  const counters = emptyCounters();
  let lastCallbackAt = deps.initial?.lastCallbackAt ?? null;
  let lastVerifiedAt = deps.initial?.lastVerifiedAt ?? null;
  let lastPush = -Infinity;
  let pending: { cancel(): void } | null = null;

  const snapshot = (): WebhookActivity => ({ counters: { ...counters }, lastCallbackAt, lastVerifiedAt });
  const push = () => {
    if (!deps.events || pending) return;
    const wait = lastPush + PUSH_INTERVAL_MS - deps.clock.now();
    const send = () => {
      pending = null;
      lastPush = deps.clock.now();
      deps.events?.emit('webhook.activity', snapshot());
    };
    if (wait <= 0) send();
    else pending = deps.clock.setTimeout(send, wait);
  };

  return {
    snapshot,
    count(name: 'received' | 'rejectedSignature' | 'rejectedInput' | 'failed'): void {
      counters[name]++;
      push();
    },
    accepted(effects: CallbackEffects, at: number): void {
      counters.accepted++;
      counters.statusesApplied += effects.statuses.applied;
      counters.statusesDuplicate += effects.statuses.duplicate;
      counters.statusesStale += effects.statuses.stale;
      counters.statusesOrphan += effects.statuses.orphan;
      counters.ignored += effects.ignored + effects.statuses.ignored;
      counters.inboundMessages += effects.inboundMessages;
      counters.optOuts += effects.optOuts;
      counters.blacklisted += effects.blacklisted;
      counters.templateUpdates += effects.templateUpdates;
      counters.accountErrors += effects.accountErrors;
      lastCallbackAt = at;
      push();
    },
    verified(at: number): void {
      lastVerifiedAt = at;
      push();
    },
    stop(): void {
      pending?.cancel();
      pending = null;
    },
  };
}

export type WebhookStats = ReturnType<typeof createWebhookStats>;
