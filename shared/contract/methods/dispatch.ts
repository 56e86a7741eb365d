import { z } from 'zod';
import { method } from '../define';
import { DISPATCH_PAUSE_REASONS } from '../../domain/dispatch-reasons';
import { NOTIFICATION_STATUSES } from '../../domain/notification-status';
import { ORDER_EVENTS } from '../../domain/order-events';

/** Why the dispatcher does not send: the user paused it, or Meta refused in a way that needs them. */
export const dispatchPauseSchema = z.object({
  /** `user`, `not_configured`, or the classifier's reason key (`auth`, `permission`, `template`, `policy`…). */
  reason: z.enum(DISPATCH_PAUSE_REASONS),
  /** `user`, `config` or `account_blocked` (Meta), `error` (a run failed in Recado itself: `run_failed`). */
  kind: z.enum(['user', 'config', 'account_blocked', 'error']),
  /** Meta's error code, when Meta answered with one. */
  code: z.number().nullable(),
  /** Meta's title/details (English, as Meta wrote it), or the error of a failed run, for the status card. */
  message: z.string().nullable(),
  at: z.number(),
});
export type DispatchPause = z.infer<typeof dispatchPauseSchema>;

/** What the status card shows ("Queue 12 pending · Next dispatch in 3 min"). */
export const dispatchStateSchema = z.object({
  /** `running` (sending when due), `paused` (see `pause`), `disabled` (master switch off), `stopped` (loop not started). */
  state: z.enum(['running', 'paused', 'disabled', 'stopped']),
  /** The master switch ("Enable Plugin"). */
  enabled: z.boolean(),
  pause: dispatchPauseSchema.nullable(),
  /**
   * "Pendentes": notifications that still have to go out (`PENDING_STATUSES`: queued, including
   * those waiting for a retry, and sending), the same number Status and the Message Log show.
   */
  queueSize: z.number(),
  /** When the oldest pending notification was queued (ms); null when none waits. */
  oldestQueuedAt: z.number().nullable(),
  /** Its age when this state was taken (core clock), so a stuck queue shows even when the run says nothing. */
  oldestQueuedAgeMs: z.number().nullable(),
  /** When the next poll/batch runs (ms); null when paused, disabled or stopped. */
  nextDispatchAt: z.number().nullable(),
  /** True while a poll or a batch is in progress. */
  busy: z.boolean(),
  lastRunAt: z.number().nullable(),
  /** The last run failed unexpectedly (not a Meta answer: a database or program error); cleared by the next good run. */
  failure: z.object({ at: z.number(), message: z.string() }).nullable(),
});
export type DispatchState = z.infer<typeof dispatchStateSchema>;

/** A desktop notification for the host to show (keys translated by the renderer/host, pt-BR first). */
export const desktopNotificationSchema = z.object({
  titleKey: z.string(),
  bodyKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type DesktopNotification = z.infer<typeof desktopNotificationSchema>;

export interface QueueItem {
  id: number;
  orderNumber: string;
  phone: string;
  type: (typeof ORDER_EVENTS)[number];
  status: (typeof NOTIFICATION_STATUSES)[number];
  attempts: number;
  /** Not sent before this time (backoff, pair limit, per-recipient wait); null = as soon as due. */
  nextAttemptAt: number | null;
  /** Why it waits (`rate_limit`, `server`…), null when simply queued. */
  reason: string | null;
  createdAt: number;
}

export interface QueueSnapshot {
  total: number;
  items: QueueItem[];
}

export interface SendTestResult {
  kind: 'template' | 'text';
  to: string;
  messageId: string;
  waId: string | null;
}

export const dispatchMethods = {
  'dispatch.state': method(z.object({}).strict()).returns<DispatchState>(),
  /** Stops sending (the queue is kept) until `dispatch.resume`. */
  'dispatch.pause': method(z.object({}).strict()).returns<DispatchState>(),
  /** Clears a pause (the user's, or one caused by Meta after they fixed it) and runs at once. */
  'dispatch.resume': method(z.object({}).strict()).returns<DispatchState>(),
  /** Polls the order sources and sends a batch now, instead of at the next interval. */
  'dispatch.sendNow': method(z.object({}).strict()).returns<DispatchState>(),
  /**
   * Queues a new notification repeating a `failed` or `unconfirmed` one (on purpose: an
   * unconfirmed one may have reached the customer). `conflict` for any other status.
   */
  'dispatch.resend': method(z.object({ notificationId: z.number().int().positive() }).strict()).returns<{ notificationId: number }>(),
  /** Sends one message now, outside the queue: the event's template rendered with a sample order, or a text. */
  'dispatch.sendTest': method(
    z
      .object({
        phone: z.string().trim().min(1).max(40),
        event: z.enum(ORDER_EVENTS).optional(),
        text: z.string().trim().min(1).max(4096).optional(),
      })
      .strict()
      .refine((v) => (v.event === undefined) !== (v.text === undefined), { error: 'validation.eventOrText', path: ['event'] }),
  ).returns<SendTestResult>(),
  /** What waits to be sent, oldest first. */
  'dispatch.queue': method(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict()).returns<QueueSnapshot>(),
};
