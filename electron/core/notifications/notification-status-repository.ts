import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import type { AppDatabase } from '../db/open-database';
import { notifications, webhookStatusEvents, type NotificationRow } from '../db/schema';
import type { StatusUpdate } from '../webhook/payload';
import { classifyMetaCode } from '../whatsapp/error-classes';

/**
 * How far along a notification is. A webhook only ever moves a row forward: Meta does not
 * guarantee order, and `delivered` can be skipped (read with the chat open), so `read` after
 * `sent` is fine and `delivered` after `read` is ignored (Meta's docs: webhooks/reference/messages).
 * `failed` beats `sent` but not proof of delivery.
 */
const RANK: Record<NotificationStatus, number> = {
  queued: 0,
  sending: 0,
  unconfirmed: 0,
  skipped: 0,
  sent: 1,
  failed: 2,
  delivered: 3,
  read: 4,
};
const WEBHOOK_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export type StatusOutcome = 'applied' | 'stale' | 'duplicate' | 'orphan' | 'ignored';

export interface StatusApplyResult {
  outcome: StatusOutcome;
  notification: NotificationRow | null;
}

function isWebhookStatus(status: string): status is WebhookStatus {
  return (WEBHOOK_STATUSES as readonly string[]).includes(status);
}

/**
 * Status updates of the message log from Meta's webhooks, and the wamid hand-off from the
 * dispatcher. Synchronous; callers wrap calls in their transaction.
 */
export function createNotificationStatusRepository(db: AppDatabase) {
  const statements = prepareStatements(db);
  const findTarget = (update: StatusUpdate): NotificationRow | undefined => {
    const byWamid = statements.byWamid.get({ wamid: update.id });
    if (byWamid || !update.biz_opaque_callback_data) return byWamid;
    // Sent before the wamid was stored (crash between send and commit → `unconfirmed`): the
    // opaque id the dispatcher committed first still finds it.
    return statements.byOpaqueWithoutWamid.get({ bizOpaqueId: update.biz_opaque_callback_data });
  };

  const applyToRow = (row: NotificationRow, status: WebhookStatus, update: StatusUpdate, now: number): 'applied' | 'stale' => {
    const at = update.timestamp;
    const forward = RANK[status] > RANK[row.status];
    const patch: Partial<typeof notifications.$inferInsert> = { updatedAt: now };
    if (row.wamid === null) patch.wamid = update.id;
    if (row.waId === null && update.recipient_id) patch.waId = update.recipient_id;
    // Times and pricing are facts whatever the order they arrive in; only `status` is ordered.
    if (status === 'sent' && row.sentAt === null) patch.sentAt = at;
    if (status === 'delivered' && row.deliveredAt === null) patch.deliveredAt = at;
    if (status === 'read' && row.readAt === null) patch.readAt = at;
    if (status === 'failed' && row.failedAt === null) patch.failedAt = at;
    if (update.pricing) {
      patch.pricingCategory = update.pricing.category ?? row.pricingCategory;
      patch.pricingBillable = update.pricing.billable ?? row.pricingBillable;
      patch.pricingModel = update.pricing.pricing_model ?? row.pricingModel;
      patch.pricingType = update.pricing.type ?? row.pricingType;
    }
    if (forward) {
      patch.status = status;
      patch.statusAt = at;
      if (status === 'failed') {
        const error = update.errors?.[0];
        patch.errorCode = error?.code ?? null;
        patch.errorTitle = error?.title ?? error?.message ?? null;
        patch.errorDetails = error?.error_data?.details ?? null;
        patch.error = error ? `${error.code ?? ''} ${error.title ?? error.message ?? ''}`.trim() : 'failed';
        // The same reason key the dispatcher stores for a refused send, so the log words it alike.
        patch.reason = error?.code === undefined ? null : classifyMetaCode(error.code).reason;
      }
    }
    const next = { ...row, ...patch };
    statements.updateFromStatus.run({
      ...pick(next, STATUS_COLUMNS),
      pricingBillable: next.pricingBillable === null ? null : Number(next.pricingBillable),
      id: row.id,
    });
    return forward ? 'applied' : 'stale';
  };

  const repo = {
    /**
     * Applies one status webhook. Idempotent per (wamid, status); a status for an unknown wamid is
     * kept as an orphan and applied when `attachWamid` names it.
     */
    applyStatus(update: StatusUpdate, now: number): StatusApplyResult {
      if (!isWebhookStatus(update.status)) return { outcome: 'ignored', notification: null };
      const seen = statements.seen.get({ wamid: update.id, status: update.status });
      const row = findTarget(update);
      if (seen && (seen.outcome !== 'orphan' || !row)) {
        return { outcome: 'duplicate', notification: row ?? null };
      }
      const outcome = row ? applyToRow(row, update.status, update, now) : 'orphan';
      const event = {
        wamid: update.id,
        status: update.status,
        statusAt: update.timestamp,
        recipientId: update.recipient_id ?? null,
        notificationId: row?.id ?? null,
        outcome,
        errorCode: update.errors?.[0]?.code ?? null,
        payloadJson: JSON.stringify(update),
        receivedAt: now,
      } as const;
      if (seen) statements.updateEvent.run({ ...event, id: seen.id });
      else statements.insertEvent.run(event);
      const fresh = row ? (statements.byId.get({ id: row.id }) ?? null) : null;
      if (row && row.wamid === null) repo.applyOrphans(update.id, now);
      return { outcome, notification: fresh };
    },

    /** Applies the orphan statuses of this wamid, oldest first. Returns how many were applied. */
    applyOrphans(wamid: string, now: number): number {
      const orphans = statements.orphans.all({ wamid });
      let applied = 0;
      for (const orphan of orphans) {
        // Stored by applyStatus after parsing (timestamp already in ms), so not parsed again.
        const update = JSON.parse(orphan.payloadJson) as StatusUpdate;
        if (repo.applyStatus(update, now).outcome !== 'orphan') applied++;
      }
      return applied;
    },

    /**
     * For the dispatcher, once Meta answered the send: stores the wamid on the notification and
     * applies any status that arrived first. Throws if another notification has that wamid.
     */
    attachWamid(notificationId: number, wamid: string, now: number): number {
      statements.attachWamid.run({ wamid, updatedAt: now, id: notificationId });
      return repo.applyOrphans(wamid, now);
    },

    findByWamid(wamid: string): NotificationRow | undefined {
      return statements.byWamid.get({ wamid });
    },

    /** Failed statuses with this code for this recipient (wa_id): the soft-permanent error count. */
    countFailures(recipientId: string, code: number): number {
      return statements.countFailures.get({ recipientId, code })?.n ?? 0;
    },
  };
  return repo;
}

export type NotificationStatusRepository = ReturnType<typeof createNotificationStatusRepository>;

/** The columns a status webhook may change on a notification (`applyToRow` writes them all). */
const STATUS_COLUMNS = [
  'updatedAt', 'wamid', 'waId', 'sentAt', 'deliveredAt', 'readAt', 'failedAt', 'pricingCategory', 'pricingModel',
  'pricingType', 'status', 'statusAt', 'errorCode', 'errorTitle', 'errorDetails', 'error', 'reason',
] as const satisfies readonly (keyof NotificationRow)[];

function pick<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = row[key];
  return out;
}

/**
 * Every statement a status webhook runs, built and prepared once per repository (per webhook
 * server or dispatcher), not per query: building drizzle's SQL and preparing it again cost more
 * than running it (BENCHMARKS.md). Parameters are named placeholders.
 */
function prepareStatements(db: AppDatabase) {
  const p = sql.placeholder;
  return {
    byWamid: db.select().from(notifications).where(eq(notifications.wamid, p('wamid'))).prepare(),
    byOpaqueWithoutWamid: db
      .select()
      .from(notifications)
      .where(and(eq(notifications.bizOpaqueId, p('bizOpaqueId')), isNull(notifications.wamid)))
      .prepare(),
    byId: db.select().from(notifications).where(eq(notifications.id, p('id'))).prepare(),
    seen: db
      .select()
      .from(webhookStatusEvents)
      .where(and(eq(webhookStatusEvents.wamid, p('wamid')), eq(webhookStatusEvents.status, p('status'))))
      .prepare(),
    orphans: db
      .select()
      .from(webhookStatusEvents)
      .where(and(eq(webhookStatusEvents.wamid, p('wamid')), eq(webhookStatusEvents.outcome, 'orphan')))
      .orderBy(asc(webhookStatusEvents.statusAt))
      .prepare(),
    countFailures: db
      .select({ n: sql<number>`count(*)` })
      .from(webhookStatusEvents)
      .where(
        and(
          eq(webhookStatusEvents.recipientId, p('recipientId')),
          eq(webhookStatusEvents.errorCode, p('code')),
          eq(webhookStatusEvents.status, 'failed'),
        ),
      )
      .prepare(),
    insertEvent: db
      .insert(webhookStatusEvents)
      .values({
        wamid: p('wamid'),
        status: p('status'),
        statusAt: p('statusAt'),
        recipientId: p('recipientId'),
        notificationId: p('notificationId'),
        outcome: p('outcome'),
        errorCode: p('errorCode'),
        payloadJson: p('payloadJson'),
        receivedAt: p('receivedAt'),
      })
      .prepare(),
    // drizzle's `set` takes a placeholder wrapped in a `sql` fragment (bound as is: booleans as 0/1).
    updateEvent: db
      .update(webhookStatusEvents)
      .set(placeholders(['wamid', 'status', 'statusAt', 'recipientId', 'notificationId', 'outcome', 'errorCode', 'payloadJson', 'receivedAt']))
      .where(eq(webhookStatusEvents.id, p('id')))
      .prepare(),
    updateFromStatus: db
      .update(notifications)
      .set(placeholders([...STATUS_COLUMNS, 'pricingBillable']))
      .where(eq(notifications.id, p('id')))
      .prepare(),
    attachWamid: db.update(notifications).set(placeholders(['wamid', 'updatedAt'])).where(eq(notifications.id, p('id'))).prepare(),
  };
}

/** `{ column: placeholder named like it }` for an update's `set`. */
function placeholders<K extends string>(keys: readonly K[]): Record<K, SQL> {
  const set = {} as Record<K, SQL>;
  for (const key of keys) set[key] = sql`${sql.placeholder(key)}`;
  return set;
}
