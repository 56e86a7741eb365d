import { and, asc, count, desc, eq, gte, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { OrderEvent } from '../../../shared/domain/order-events';
import type { RateRegion } from '../../../shared/settings/costs';
import type { AppDatabase } from '../db/open-database';
import { notifications, webhookStatusEvents } from '../db/schema';

/** One group of this month's receipts for the cost estimate (shared/domain/cost-estimate.ts). */
export interface PricedRowGroup {
  /** `BR` when the phone starts with the Brazil prefix, else `other`. */
  region: RateRegion;
  category: string | null;
  billable: boolean | null;
  type: string | null;
  /** Sent (or created) on or after the dated rule's day. */
  newRule: boolean;
  n: number;
}

/**
 * The small reads other features make of the notifications aggregate (Status's cost, the
 * doctor, the support bundle, marketing holds), so no feature issues its own SQL against the table.
 */
export function createNotificationQueries(db: AppDatabase) {
  return {
    /**
     * Receipts created in [from, to) that carry pricing, grouped by region (by `phonePrefix`),
     * category, `billable`, `type` and which side of `ruleSince` they were sent: a handful of groups
     * however many messages the month had.
     */
    pricedGroups(from: number, to: number, phonePrefix: string, ruleSince: number): PricedRowGroup[] {
      const region = sql<RateRegion>`CASE WHEN ${notifications.phone} LIKE ${`${phonePrefix}%`} THEN 'BR' ELSE 'other' END`;
      const newRule = sql<number>`coalesce(${notifications.sentAt}, ${notifications.createdAt}) >= ${ruleSince}`;
      return db
        .select({
          region,
          category: notifications.pricingCategory,
          billable: notifications.pricingBillable,
          type: notifications.pricingType,
          newRule,
          n: count(),
        })
        .from(notifications)
        .where(
          and(
            gte(notifications.createdAt, from),
            lt(notifications.createdAt, to),
            or(isNotNull(notifications.pricingCategory), isNotNull(notifications.pricingType), isNotNull(notifications.pricingBillable)),
          ),
        )
        .groupBy(region, notifications.pricingCategory, notifications.pricingBillable, notifications.pricingType, newRule)
        .all()
        .map((r) => ({ ...r, newRule: r.newRule === 1 }));
    },

    /** Rows of this event still queued (a held event's waiting messages). */
    queuedOf(event: OrderEvent): number {
      return db.select({ n: count() }).from(notifications).where(and(eq(notifications.status, 'queued'), eq(notifications.type, event))).get()?.n ?? 0;
    },

    /** Messages Meta accepted (a wamid) with `sent_at` in [from, to]: what should have called back. */
    sentBetween(from: number, to: number): number {
      return (
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(isNotNull(notifications.wamid), gte(notifications.sentAt, from), lte(notifications.sentAt, to)))
          .get()?.n ?? 0
      );
    },

    /** The status webhooks received for one message, oldest first. */
    receipts(wamid: string) {
      return db
        .select({ status: webhookStatusEvents.status, at: webhookStatusEvents.statusAt, errorCode: webhookStatusEvents.errorCode })
        .from(webhookStatusEvents)
        .where(eq(webhookStatusEvents.wamid, wamid))
        .orderBy(asc(webhookStatusEvents.statusAt), asc(webhookStatusEvents.id))
        .all();
    },

    /** The newest `limit` rows' statuses, codes and times — no phone or name (the support bundle). */
    recentStatuses(limit: number) {
      return db
        .select({
          id: notifications.id,
          type: notifications.type,
          status: notifications.status,
          errorCode: notifications.errorCode,
          errorTitle: notifications.errorTitle,
          createdAt: notifications.createdAt,
          sentAt: notifications.sentAt,
          deliveredAt: notifications.deliveredAt,
          readAt: notifications.readAt,
          failedAt: notifications.failedAt,
        })
        .from(notifications)
        .orderBy(desc(notifications.id))
        .limit(limit)
        .all();
    },
  };
}

export type NotificationQueries = ReturnType<typeof createNotificationQueries>;
