import { and, asc, count, eq, inArray, isNull, lte, max, min, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DispatchReason } from '../../../shared/domain/dispatch-reasons';
import { PENDING_STATUSES } from '../../../shared/domain/message-counts';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import { ORDER_EVENTS, type OrderEvent } from '../../../shared/domain/order-events';
import { createAppStateRepository } from '../db/app-state-repository';
import type { AppDatabase } from '../db/open-database';
import { DUE_AT_SQL, notifications, orderEvents, type NewNotificationRow, type NotificationRow } from '../db/schema';

/** Meta's pair limit: about one message per 6 s to the same customer (D:about-the-platform). */
export const PAIR_WINDOW_MS = 6_000;
const LEDGER_CURSOR_KEY = 'dispatcher.ledgerCursor';

/** What a send carried, committed with `sending` before the request leaves. */
export type SendContent =
  | { kind: 'template'; name: string; language: string; components: unknown[] }
  | { kind: 'text'; body: string };

export interface MetaFailure {
  code: number | null;
  title: string | null;
  details: string | null;
  /** What the log's Error column shows. */
  error: string;
}

/**
 * The dispatcher's queue: rows of `notifications` in `queued` (some waiting for `next_attempt_at`),
 * and every transition the dispatcher makes on them. Synchronous; each method is one statement
 * or one transaction.
 */
export function createQueueRepository(db: AppDatabase) {
  const appState = createAppStateRepository(db);
  const byId = (id: number) => db.select().from(notifications).where(eq(notifications.id, id)).get();
  const set = (id: number, patch: Partial<NewNotificationRow>) => db.update(notifications).set(patch).where(eq(notifications.id, id)).run();
  // The two statements every pick runs, prepared once. `due` walks `notifications_due_idx` in
  // order and stops at its LIMIT: the cost does not grow with the number of queued rows.
  const dueStatement = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.status, 'queued'), or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, sql.placeholder('now')))))
    .orderBy(asc(sql.raw(DUE_AT_SQL)), asc(notifications.id))
    .limit(sql.placeholder('limit'))
    .prepare();
  // The same pick within one event (`notifications_type_due_idx`): used while an event is held, so
  // the held event's rows are never walked over.
  const dueOfTypeStatement = db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.status, 'queued'),
        eq(notifications.type, sql.placeholder('type')),
        or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, sql.placeholder('now'))),
      ),
    )
    .orderBy(asc(sql.raw(DUE_AT_SQL)), asc(notifications.id))
    .limit(sql.placeholder('limit'))
    .prepare();
  const lastAttemptStatement = db
    .select({ at: max(notifications.lastAttemptAt) })
    .from(notifications)
    .where(eq(notifications.phone, sql.placeholder('phone')))
    .prepare();

  return {
    byId,

    /** The last ledger id already turned into a notification. */
    ledgerCursor: (): number => appState.get(LEDGER_CURSOR_KEY, z.number().int().nonnegative()) ?? 0,

    /**
     * Inserts the rows for a slice of the ledger and moves the cursor, in one transaction. The
     * UNIQUE `order_event_id` makes a replay (crash after insert, before the cursor) a no-op.
     */
    enqueue(rows: NewNotificationRow[], cursor: number, now: number): number {
      return db.$client.transaction(() => {
        let inserted = 0;
        for (const row of rows) inserted += db.insert(notifications).values(row).onConflictDoNothing({ target: notifications.orderEventId }).run().changes;
        appState.set(LEDGER_CURSOR_KEY, cursor, now);
        return inserted;
      })();
    },

    /** Queued rows that may go now, oldest first (retries by their due time). */
    due(now: number, limit: number): NotificationRow[] {
      return dueStatement.all({ now, limit });
    },

    /**
     * `due`, leaving out the events in `held` (their template became MARKETING): one indexed pick
     * per sendable event, merged in the same order. The held rows stay queued, untouched.
     */
    dueExcept(now: number, limit: number, held: ReadonlySet<OrderEvent>): NotificationRow[] {
      if (held.size === 0) return dueStatement.all({ now, limit });
      const dueAt = (r: NotificationRow) => r.nextAttemptAt ?? r.createdAt;
      return ORDER_EVENTS.filter((type) => !held.has(type))
        .flatMap((type) => dueOfTypeStatement.all({ type, now, limit }))
        .sort((a, b) => dueAt(a) - dueAt(b) || a.id - b.id)
        .slice(0, limit);
    },

    /** The SQL of the per-event pick (a test checks its plan walks `notifications_type_due_idx`). */
    dueOfTypeSql: (): string => dueOfTypeStatement.getQuery().sql,

    /** The SQL `due` runs (a test checks its plan walks `notifications_due_idx`). */
    dueSql: (): string => dueStatement.getQuery().sql,

    /** The earliest `next_attempt_at` among queued rows still waiting (ms), or null. */
    nextRetryAt(now: number): number | null {
      const row = db
        .select({ at: sql<number | null>`min(${notifications.nextAttemptAt})` })
        .from(notifications)
        .where(and(eq(notifications.status, 'queued'), sql`${notifications.nextAttemptAt} > ${now}`))
        .get();
      return row?.at ?? null;
    },

    /** "Pendentes": rows in `PENDING_STATUSES` (shared/domain/message-counts.ts), the one definition every screen shows. */
    pendingCount(): number {
      return db.select({ n: count() }).from(notifications).where(inArray(notifications.status, [...PENDING_STATUSES])).get()?.n ?? 0;
    },

    /** When the oldest pending notification was queued (ms), or null when none waits. */
    oldestPendingAt(): number | null {
      return db.select({ at: min(notifications.createdAt) }).from(notifications).where(inArray(notifications.status, [...PENDING_STATUSES])).get()?.at ?? null;
    },

    /** When a request last left for this number (ms), or null: the pair limit, across restarts. */
    lastAttemptTo(phone: string): number | null {
      return lastAttemptStatement.get({ phone })?.at ?? null;
    },

    /** The ledger row of an enqueued notification (its `occurred_at` for the lookback window). */
    eventOf(row: NotificationRow) {
      return row.orderEventId === null ? undefined : db.select().from(orderEvents).where(eq(orderEvents.id, row.orderEventId)).get();
    },

    /**
     * Commits `sending` with the content and the opaque id BEFORE the request leaves. Returns
     * false if the row is no longer queued (nothing is sent then).
     */
    markSending(id: number, content: SendContent, now: number): boolean {
      const patch: Partial<NewNotificationRow> = {
        status: 'sending',
        bizOpaqueId: String(id),
        contentKind: content.kind,
        templateName: content.kind === 'template' ? content.name : null,
        templateLanguage: content.kind === 'template' ? content.language : null,
        templateParamsJson: content.kind === 'template' ? JSON.stringify(content.components) : null,
        textBody: content.kind === 'text' ? content.body : null,
        lastAttemptAt: now,
        updatedAt: now,
      };
      return db
        .update(notifications)
        .set({ ...patch, attempts: sql`${notifications.attempts} + 1` })
        .where(and(eq(notifications.id, id), eq(notifications.status, 'queued'))).run().changes === 1;
    },

    /**
     * Meta accepted: `sent` with the wa_id, then the wamid through the status repository (which
     * applies statuses that arrived first). A webhook that already moved the row further (matched by
     * the opaque id) is not moved back.
     */
    markAccepted(id: number, result: { waId: string | null }, now: number): void {
      db.update(notifications)
        .set({
          status: sql`case when ${notifications.status} in ('sending', 'unconfirmed', 'queued') then 'sent' else ${notifications.status} end`,
          waId: sql`coalesce(${result.waId}, ${notifications.waId})`,
          sentAt: sql`coalesce(${notifications.sentAt}, ${now})`,
          reason: null,
          nextAttemptAt: null,
          updatedAt: now,
        })
        .where(eq(notifications.id, id))
        .run();
    },

    /** Back to the queue, not before `at` (backoff, per-recipient wait, a paused dispatcher). */
    requeue(id: number, at: number | null, reason: DispatchReason | null, failure: MetaFailure | null, now: number): void {
      set(id, {
        status: 'queued',
        nextAttemptAt: at,
        reason,
        ...(failure ? { errorCode: failure.code, errorTitle: failure.title, errorDetails: failure.details, error: failure.error } : {}),
        updatedAt: now,
      });
    },

    markFailed(id: number, reason: DispatchReason, failure: MetaFailure | null, now: number): void {
      set(id, {
        status: 'failed',
        reason,
        failedAt: now,
        nextAttemptAt: null,
        error: failure?.error ?? reason,
        errorCode: failure?.code ?? null,
        errorTitle: failure?.title ?? null,
        errorDetails: failure?.details ?? null,
        updatedAt: now,
      });
    },

    markSkipped(id: number, reason: DispatchReason, detail: string | null, now: number): void {
      set(id, { status: 'skipped', reason, error: detail, nextAttemptAt: null, updatedAt: now });
    },

    /** No answer to a request that may have been accepted: never resent automatically. */
    markUnconfirmed(id: number, reason: DispatchReason, now: number): void {
      db.update(notifications)
        .set({ status: 'unconfirmed', reason, updatedAt: now })
        .where(and(eq(notifications.id, id), eq(notifications.status, 'sending')))
        .run();
    },

    /** Start-up: whatever was `sending` when the process died becomes `unconfirmed`. */
    recoverInterrupted(now: number): number {
      return db
        .update(notifications)
        .set({ status: 'unconfirmed', reason: 'interrupted', updatedAt: now })
        .where(eq(notifications.status, 'sending'))
        .run().changes;
    },

    /** Earlier rows to this phone that failed with this Meta code (soft-permanent errors count hits). */
    failuresWithCode(phone: string, code: number): number {
      return (
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.phone, phone), eq(notifications.errorCode, code), inArray(notifications.status, ['failed'] as NotificationStatus[])))
          .get()?.n ?? 0
      );
    },

    /** A resend of this notification still waiting or in flight. */
    activeResendOf(id: number): NotificationRow | undefined {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.resendOf, id), inArray(notifications.status, ['queued', 'sending'] as NotificationStatus[])))
        .get();
    },

    /** Any resend (by the owner or automatic) of this notification, whatever its state. */
    hasResend(id: number): boolean {
      return db.select({ id: notifications.id }).from(notifications).where(eq(notifications.resendOf, id)).get() !== undefined;
    },

    /**
     * A new queued notification repeating `original` (same order, event, number), linked by
     * `resendOf`; `reason` marks why it waits (`outside_window`: go as the template).
     */
    insertResend(original: NotificationRow, now: number, reason: DispatchReason | null = null): NotificationRow {
      return db
        .insert(notifications)
        .values({
          orderNumber: original.orderNumber,
          phone: original.phone,
          type: original.type,
          status: 'queued',
          tracking: original.tracking,
          createdAt: now,
          updatedAt: now,
          resendOf: original.id,
          orderId: original.orderId,
          source: original.source,
          subId: original.subId,
          reason,
        })
        .returning()
        .get();
    },

    snapshot(limit: number): { total: number; items: NotificationRow[] } {
      const items = db
        .select()
        .from(notifications)
        .where(inArray(notifications.status, [...PENDING_STATUSES]))
        .orderBy(asc(sql.raw(DUE_AT_SQL)), asc(notifications.id))
        .limit(limit)
        .all();
      return { total: this.pendingCount(), items };
    },
  };
}

export type QueueRepository = ReturnType<typeof createQueueRepository>;
