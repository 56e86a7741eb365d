import type { DispatchReason } from '../../../shared/domain/dispatch-reasons';
import { normalizeBrazilianPhone } from '../../../shared/domain/phone';
import type { DispatchPause } from '../../../shared/contract/methods/dispatch';
import type { BlacklistRepository } from '../blacklist/blacklist-repository';
import type { CoreContext } from '../core-context';
import type { NotificationRow } from '../db/schema';
import type { NotificationStatusRepository } from '../notifications/notification-status-repository';
import { loadOrderById } from '../orders/order-book';
import { DAY_MS } from '../orders/order-source';
import type { DispatchSettings } from '../../../shared/settings/dispatch';
import type { NotificationEventToggles } from '../../../shared/settings/events';
import type { TemplatesSettings } from '../../../shared/settings/templates';
import type { TrackingSettings } from '../../../shared/settings/tracking';
import type { InboundContactsRepository } from '../webhook/inbound-contacts-repository';
import { GraphError } from '../whatsapp/graph-error';
import { chooseContent } from './content';
import { decideFailure, failureOf } from './error-policy';
import type { QueueRepository, SendContent } from '../notifications/queue-repository';

/** The settings one send reads, read once per send (each read is a file read + validation). */
export interface SettingsSnapshot {
  dispatch: DispatchSettings;
  events: NotificationEventToggles;
  templates: TemplatesSettings;
  tracking: TrackingSettings;
}

export function settingsSnapshot(ctx: CoreContext): SettingsSnapshot {
  const { settings } = ctx;
  return { dispatch: settings.dispatch.get(), events: settings.events.get(), templates: settings.templates.get(), tracking: settings.tracking.get() };
}

export interface SendOneDeps {
  ctx: CoreContext;
  random: () => number;
  queue: QueueRepository;
  blacklist: BlacklistRepository;
  contacts: InboundContactsRepository;
  statuses: NotificationStatusRepository;
  pause(pause: Omit<DispatchPause, 'at'>): void;
  /** Server/network failures in a row, whatever the notification: how long an outage has lasted. */
  outage: { streak: number };
}

/**
 * What happened to one queued row: `requested` (a request went to Meta, whatever the answer),
 * `skipped` (no request: skipped, failed before any request because of its own order, or no
 * longer queued), `stop` (end the batch: paused, or the
 * whole account is throttled until `holdUntil`).
 */
export type SendOutcome = { kind: 'requested' } | { kind: 'skipped' } | { kind: 'stop'; holdUntil?: number };

/**
 * Sends one queued notification: the checks that can skip it (event toggle, lookback window,
 * order, phone, blacklist, 24-hour rule), then `sending` committed with its content and
 * `biz_opaque_callback_data` = its id BEFORE the request, then the answer applied.
 */
export async function sendOne(deps: SendOneDeps, row: NotificationRow, settings: SettingsSnapshot): Promise<SendOutcome> {
  const { ctx, queue } = deps;
  const now = ctx.clock.now();
  const skip = (reason: DispatchReason, detail: string | null = null): SendOutcome => {
    queue.markSkipped(row.id, reason, detail, now);
    return { kind: 'skipped' };
  };
  if (row.resendOf === null) {
    // Settings may have changed while it waited; a resend was asked for on purpose.
    if (!settings.events[row.type]) return skip('event_disabled');
    const event = queue.eventOf(row);
    if (event && event.occurredAt < now - settings.dispatch.lookbackDays * DAY_MS) return skip('outside_lookback');
  }
  const stored = row.orderId === null ? null : loadOrderById(ctx.db, row.orderId);
  if (!stored) return skip('order_missing');
  const phone = normalizeBrazilianPhone(row.phone);
  if (!phone.ok) return skip(row.phone ? 'invalid_phone' : 'no_phone', `phone.reason.${phone.reason}`);
  const listed = deps.blacklist.find(phone.e164);
  if (listed) return skip('blacklisted', listed.reason);

  const choice = chooseContent({
    event: row.type,
    subId: row.subId ?? '',
    order: stored.order,
    templates: settings.templates,
    tracking: settings.tracking,
    inServiceWindow: deps.contacts.isInServiceWindow(phone.e164, now),
    forceTemplate: row.reason === 'outside_window',
  });
  if (choice.kind === 'skip') return skip(choice.reason);
  if (choice.kind === 'fail') {
    // No request left: this one fails alone, in words, and the batch goes on with the others.
    ctx.logger.warn('notification cannot be rendered', { notificationId: row.id, reason: choice.reason, detail: choice.detail });
    queue.markFailed(row.id, choice.reason, { code: null, title: null, details: null, error: choice.detail }, now);
    return { kind: 'skipped' };
  }

  const account = ctx.meta.account();
  if (!account.phoneNumberId) {
    deps.pause({ kind: 'config', reason: 'not_configured', code: null, message: null });
    return { kind: 'stop' };
  }
  const client = await ctx.meta.client();
  return request(deps, row, phone.e164, choice.content, account.phoneNumberId, client);
}

async function request(
  deps: SendOneDeps,
  row: NotificationRow,
  to: string,
  content: SendContent,
  phoneNumberId: string,
  client: Awaited<ReturnType<CoreContext['meta']['client']>>,
): Promise<SendOutcome> {
  const { ctx, queue } = deps;
  const startedAt = ctx.clock.now();
  // Crash safety: from this commit on, a restart finds `sending` and never sends it again.
  if (!queue.markSending(row.id, content, startedAt)) return { kind: 'skipped' };
  const opaque = String(row.id);
  try {
    const result =
      content.kind === 'template'
        ? await client.sendTemplate(phoneNumberId, {
            to,
            bizOpaqueCallbackData: opaque,
            name: content.name,
            language: content.language,
            components: content.components as Parameters<typeof client.sendTemplate>[1]['components'],
          })
        : await client.sendText(phoneNumberId, { to, bizOpaqueCallbackData: opaque, body: content.body });
    const now = ctx.clock.now();
    ctx.db.$client.transaction(() => {
      queue.markAccepted(row.id, result, now);
      deps.statuses.attachWamid(row.id, result.messageId, now);
    })();
    deps.outage.streak = 0;
    return { kind: 'requested' };
  } catch (error) {
    const now = ctx.clock.now();
    if (!(error instanceof GraphError)) {
      ctx.logger.error('dispatcher send failed unexpectedly', { notificationId: row.id, error });
      queue.markUnconfirmed(row.id, 'internal_error', now);
      return { kind: 'requested' };
    }
    ctx.logger.warn('send refused', { notificationId: row.id, ...error.toLog() });
    return applyFailure(deps, row, to, content, error, now);
  }
}

function applyFailure(deps: SendOneDeps, row: NotificationRow, to: string, content: SendContent, error: GraphError, now: number): SendOutcome {
  const { queue } = deps;
  const failure = failureOf(error);
  const code = error.meta?.code ?? null;
  const serverDown = !error.classification.maybeAccepted && error.classification.class === 'retry' && error.classification.reason !== 'rate_limit';
  deps.outage.streak = serverDown ? deps.outage.streak + 1 : 0;
  const action = decideFailure(error, {
    serverStreak: deps.outage.streak,
    attempts: row.attempts + 1,
    contentKind: content.kind,
    now,
    random: deps.random,
    previousHits: code === null ? 0 : queue.failuresWithCode(to, code),
  });
  switch (action.kind) {
    case 'unconfirmed':
      queue.markUnconfirmed(row.id, action.reason, now);
      if (action.pause) {
        deps.pause({ kind: 'config', reason: error.classification.reason, code, message: failure.error });
        return { kind: 'stop' };
      }
      return action.holdUntil === null ? { kind: 'requested' } : { kind: 'stop', holdUntil: action.holdUntil };
    case 'failed':
      deps.ctx.db.$client.transaction(() => {
        queue.markFailed(row.id, action.reason, failure, now);
        if (action.blacklist) deps.blacklist.add({ phone: to, reason: `${code}: ${failure.title ?? 'permanent error'}`, source: 'auto', addedAt: now });
      })();
      return { kind: 'requested' };
    case 'retry':
      queue.requeue(row.id, action.at, action.reason, failure, now);
      return action.holdAll ? { kind: 'stop', holdUntil: action.at } : { kind: 'requested' };
    case 'use_template':
      queue.requeue(row.id, null, 'outside_window', failure, now);
      return { kind: 'requested' };
    case 'pause':
      queue.requeue(row.id, null, action.reason, failure, now);
      deps.pause({ kind: action.pauseKind, reason: action.reason, code, message: failure.error });
      return { kind: 'stop' };
  }
}
