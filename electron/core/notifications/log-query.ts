import { and, asc, count, desc, eq, fillPlaceholders, getTableColumns, gte, lt, or, sql, sum, type SQL } from 'drizzle-orm';
import type { LogCounters, LogDetail, LogFilters, LogRow, LogStatusEvent } from '../../../shared/contract/methods/log';
import { messageCounts } from '../../../shared/domain/message-counts';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import { chargeVerdict } from '../../../shared/domain/pricing';
import type { AppDatabase } from '../db/open-database';
import { prepareRows } from '../db/prepare-rows';
import { notificationDailyCounts, notifications, notificationTotals, webhookStatusEvents } from '../db/schema';
import type { LogCsvRow } from '../log/log-csv';
import { sentContent } from '../log/sent-content';

/** FTS5 trigram needs 3 characters; shorter searches match the whole order number exactly. */
export const MIN_SUBSTRING = 3;

/**
 * What the search box means: `#10247` → `10247`; something that looks like a phone (digits and
 * mask characters only) → its digits, so `(11) 98765` finds `+5511987654321`.
 */
export function normalizeSearch(raw: string | undefined): string | null {
  let text = (raw ?? '').trim().replace(/^#/, '');
  if (/^[\d\s()+\-./]+$/.test(text) && /\d/.test(text)) text = text.replace(/\D/g, '');
  return text === '' ? null : text;
}

/** An FTS5 string literal: the whole text as one phrase (quotes doubled), never query syntax. */
const ftsPhrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * Which filters are set, without their values: every statement is built and prepared once per
 * shape (at most 48), and each call only binds values.
 */
interface FilterShape {
  status: boolean;
  type: boolean;
  from: boolean;
  to: boolean;
  /** `match`: the FTS5 trigram table; `exact`: a short search, the whole order number. */
  search: 'match' | 'exact' | null;
}

/** The values a statement binds, by placeholder name. */
type Values = Record<string, unknown>;

const p = sql.placeholder;
const shapeKey = (s: FilterShape) => `${Number(s.status)}${Number(s.type)}${Number(s.from)}${Number(s.to)}${s.search ?? '-'}`;

function shapeOf(filters: LogFilters): { shape: FilterShape; values: Values } {
  const search = normalizeSearch(filters.search);
  const long = search !== null && [...search].length >= MIN_SUBSTRING;
  return {
    shape: {
      status: filters.status !== undefined,
      type: filters.type !== undefined,
      from: filters.from !== undefined,
      to: filters.to !== undefined,
      search: search === null ? null : long ? 'match' : 'exact',
    },
    values: {
      status: filters.status,
      type: filters.type,
      from: filters.from,
      to: filters.to,
      ...(search === null ? {} : long ? { match: ftsPhrase(search) } : { orderNumber: search }),
    },
  };
}

/** The WHERE condition of a filter shape, with placeholders; the search is the one raw fragment (FTS5 MATCH). */
function shapeCondition(shape: FilterShape): SQL | undefined {
  return and(
    shape.status ? eq(notifications.status, p('status')) : undefined,
    shape.type ? eq(notifications.type, p('type')) : undefined,
    shape.from ? gte(notifications.createdAt, p('from')) : undefined,
    shape.to ? lt(notifications.createdAt, p('to')) : undefined,
    shape.search === 'match'
      ? sql`${notifications.id} IN (SELECT rowid FROM notifications_search WHERE notifications_search MATCH ${p('match')})`
      : undefined,
    shape.search === 'exact' ? eq(notifications.orderNumber, p('orderNumber')) : undefined,
  );
}

/** These filters as a drizzle condition and the values of its placeholders (tests count with it). */
export function filterCondition(filters: LogFilters): { where: SQL | undefined; values: Values } {
  const { shape, values } = shapeOf(filters);
  return { where: shapeCondition(shape), values };
}

/** What a list row shows: the Message Log table's columns, typed by the schema. */
const LOG_ROW = {
  id: notifications.id,
  orderNumber: notifications.orderNumber,
  phone: notifications.phone,
  type: notifications.type,
  status: notifications.status,
  tracking: notifications.tracking,
  createdAt: notifications.createdAt,
  sentAt: notifications.sentAt,
  error: notifications.error,
  errorCode: notifications.errorCode,
  reason: notifications.reason,
};
/** The export's columns: a list row and the times and id the CSV adds. */
const CSV_ROW = { ...LOG_ROW, deliveredAt: notifications.deliveredAt, readAt: notifications.readAt, wamid: notifications.wamid };
const NEWEST_FIRST = [desc(notifications.createdAt), desc(notifications.id)];

const DAY = 86_400_000;
/** A date range and nothing else: the slices at a range's ends. */
const RANGE: FilterShape = { status: false, type: false, from: true, to: true, search: null };

/**
 * Read side of the Message Log for the screen, sized for a million rows: every filter has an
 * index (`log-query.test.ts` checks the plans), pages are LIMIT/OFFSET on an index in date order,
 * and the export walks a keyset cursor. Every statement is built through drizzle and prepared once
 * per filter shape (cached here), so a call binds values and runs.
 */
export function createLogQuery(db: AppDatabase) {
  /** Builds a statement on first use of its key and keeps the prepared statement. */
  const memo = <T>(cache: Map<string, T>, key: string, build: () => T): T => {
    let statement = cache.get(key);
    if (!statement) {
      statement = build();
      cache.set(key, statement);
    }
    return statement;
  };

  const baseCountQuery = (shape: FilterShape) =>
    db.select({ status: notifications.status, n: count() }).from(notifications).where(shapeCondition(shape)).groupBy(notifications.status);
  const totalsQuery = (type: boolean, status: boolean) =>
    db
      .select({ status: notificationTotals.status, n: sum(notificationTotals.n).mapWith(Number) })
      .from(notificationTotals)
      .where(and(type ? eq(notificationTotals.type, p('type')) : undefined, status ? eq(notificationTotals.status, p('status')) : undefined))
      .groupBy(notificationTotals.status);
  const dailyQuery = (dayFrom: boolean, dayTo: boolean, type: boolean, status: boolean) =>
    db
      .select({ status: notificationDailyCounts.status, n: sum(notificationDailyCounts.n).mapWith(Number) })
      .from(notificationDailyCounts)
      .where(
        and(
          dayFrom ? gte(notificationDailyCounts.day, p('dayFrom')) : undefined,
          dayTo ? lt(notificationDailyCounts.day, p('dayTo')) : undefined,
          type ? eq(notificationDailyCounts.type, p('type')) : undefined,
          status ? eq(notificationDailyCounts.status, p('status')) : undefined,
        ),
      )
      .groupBy(notificationDailyCounts.status);
  type CountQuery = ReturnType<typeof baseCountQuery> | ReturnType<typeof totalsQuery> | ReturnType<typeof dailyQuery>;
  const pageQuery = (shape: FilterShape) =>
    db.select(LOG_ROW).from(notifications).where(shapeCondition(shape)).orderBy(...NEWEST_FIRST).limit(p('limit')).offset(p('offset'));
  const exportQuery = (shape: FilterShape, after: boolean) =>
    db
      .select(CSV_ROW)
      .from(notifications)
      .where(
        and(
          shapeCondition(shape),
          after
            ? or(lt(notifications.createdAt, p('afterAt')), and(eq(notifications.createdAt, p('afterAt')), lt(notifications.id, p('afterId'))))
            : undefined,
        ),
      )
      .orderBy(...NEWEST_FIRST)
      .limit(p('limit'));

  const countCache = new Map<string, { query: CountQuery; prepared: { all(values: Values): { status: NotificationStatus; n: number }[] } }>();
  type PageRow = ReturnType<ReturnType<typeof pageQuery>['all']>[number];
  type ExportRow = ReturnType<ReturnType<typeof exportQuery>['all']>[number];
  const pageCache = new Map<string, { all(values: Values): PageRow[] }>();
  const exportCache = new Map<string, { all(values: Values): ExportRow[] }>();
  const counting = (key: string, build: () => CountQuery) =>
    memo(countCache, key, () => {
      const query = build();
      return { query, prepared: query.prepare() };
    });
  const dailyByDay = db
    .select({ day: notificationDailyCounts.day, status: notificationDailyCounts.status, n: sum(notificationDailyCounts.n).mapWith(Number) })
    .from(notificationDailyCounts)
    .where(and(gte(notificationDailyCounts.day, p('dayFrom')), lt(notificationDailyCounts.day, p('dayTo'))))
    .groupBy(notificationDailyCounts.day, notificationDailyCounts.status)
    .prepare();
  const byId = prepareRows(db, getTableColumns(notifications), db.select().from(notifications).where(eq(notifications.id, p('id'))));
  const receiptsOf = db
    .select({
      status: webhookStatusEvents.status,
      at: webhookStatusEvents.statusAt,
      receivedAt: webhookStatusEvents.receivedAt,
      outcome: webhookStatusEvents.outcome,
      errorCode: webhookStatusEvents.errorCode,
    })
    .from(webhookStatusEvents)
    .where(eq(webhookStatusEvents.wamid, p('wamid')))
    .orderBy(asc(webhookStatusEvents.statusAt), asc(webhookStatusEvents.id))
    .prepare();

  /**
   * The statements that count rows per status for these filters, with their values. Without a
   * search or a date range, `notification_totals` answers alone. Without a search, whole UTC days
   * come from `notification_daily_counts` (a few rows per day, kept by triggers) and only the
   * partial days at the range's ends are counted in `notifications` (through its date indexes);
   * with a search, the FTS match is counted directly.
   */
  const countStatements = (filters: LogFilters) => {
    const { shape, values } = shapeOf(filters);
    type Counting = { statement: ReturnType<typeof counting>; values: Values };
    const base = (s: FilterShape, v: Values): Counting => ({ statement: counting(`base:${shapeKey(s)}`, () => baseCountQuery(s)), values: v });
    const { from, to } = filters;
    if (shape.search !== null) return [base(shape, values)];
    const dayFrom = from === undefined ? null : Math.ceil(from / DAY);
    const dayTo = to === undefined ? null : Math.floor(to / DAY);
    if (dayFrom !== null && dayTo !== null && dayFrom >= dayTo) return [base(shape, values)];
    if (from === undefined && to === undefined) {
      // All time: the totals table (a few dozen rows), whatever the length of the history.
      return [{ statement: counting(`totals:${Number(shape.type)}${Number(shape.status)}`, () => totalsQuery(shape.type, shape.status)), values }];
    }
    const statements: Counting[] = [
      {
        statement: counting(`daily:${Number(dayFrom !== null)}${Number(dayTo !== null)}${Number(shape.type)}${Number(shape.status)}`, () =>
          dailyQuery(dayFrom !== null, dayTo !== null, shape.type, shape.status),
        ),
        values: { ...values, dayFrom, dayTo },
      },
    ];
    const edges = { ...shape, from: true, to: true };
    if (from !== undefined && dayFrom !== null && from < dayFrom * DAY) statements.push(base(edges, { ...values, from, to: dayFrom * DAY }));
    if (to !== undefined && dayTo !== null && to > dayTo * DAY) statements.push(base(edges, { ...values, from: dayTo * DAY, to }));
    return statements;
  };

  /** Counts per status for these filters; statements from `countStatements` (summary table + base-table edges). */
  const countsByStatus = (filters: LogFilters): Map<NotificationStatus, number> => {
    const counts = new Map<NotificationStatus, number>();
    for (const { statement, values } of countStatements(filters)) {
      for (const r of statement.prepared.all(values)) counts.set(r.status, (counts.get(r.status) ?? 0) + r.n);
    }
    return counts;
  };
  const sumOf = (counts: Map<NotificationStatus, number>) => [...counts.values()].reduce((total, n) => total + n, 0);
  const pageStatement = (shape: FilterShape) => memo(pageCache, shapeKey(shape), () => prepareRows(db, LOG_ROW, pageQuery(shape)));
  /** A query's SQL and its values in order, for EXPLAIN QUERY PLAN. */
  const explainable = (query: { toSQL(): { sql: string; params: unknown[] } }, values: Values) => {
    const { sql: text, params } = query.toSQL();
    return { sql: text, params: fillPlaceholders(params, values) };
  };

  return {
    /** The SQL each call runs with its parameters, for EXPLAIN QUERY PLAN in tests. */
    sqlFor(filters: LogFilters) {
      const { shape, values } = shapeOf(filters);
      return {
        page: [explainable(pageQuery(shape), { ...values, limit: 50, offset: 0 })],
        counts: countStatements(filters).map(({ statement, values: v }) => explainable(statement.query, v)),
      };
    },

    page(filters: LogFilters, page: number, pageSize: number): { rows: LogRow[]; total: number } {
      const { shape, values } = shapeOf(filters);
      const total = sumOf(countsByStatus(filters));
      const offset = (page - 1) * pageSize;
      const rows = offset >= total ? [] : pageStatement(shape).all({ ...values, limit: pageSize, offset });
      return { rows, total };
    },

    /** The counters over these filters, by the one definition of each number (shared/domain/message-counts.ts). */
    counters(filters: LogFilters): LogCounters {
      return messageCounts(Object.fromEntries(countsByStatus(filters)));
    },

    /** The row's detail; the customer's identity is added by the handler (`log.get`). */
    get(id: number): Omit<LogDetail, 'identity'> | null {
      const [r] = byId.all({ id });
      if (!r) return null;
      const statusEvents: LogStatusEvent[] = r.wamid ? receiptsOf.all({ wamid: r.wamid }) : [];
      // Only what Meta said is Meta's error: a skipped row's `error` (the blacklist entry, the phone
      // problem) is Recado's own detail, shown in words with the reason.
      const metaSaid = r.errorCode !== null || r.errorTitle !== null;
      return {
        id: r.id,
        orderNumber: r.orderNumber,
        phone: r.phone,
        type: r.type,
        status: r.status,
        tracking: r.tracking,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        error: r.error,
        errorCode: r.errorCode,
        reason: r.reason,
        updatedAt: r.updatedAt,
        wamid: r.wamid,
        waId: r.waId,
        deliveredAt: r.deliveredAt,
        readAt: r.readAt,
        failedAt: r.failedAt,
        statusAt: r.statusAt,
        pricing: {
          category: r.pricingCategory,
          billable: r.pricingBillable,
          model: r.pricingModel,
          type: r.pricingType,
          charge: chargeVerdict({ category: r.pricingCategory, billable: r.pricingBillable, type: r.pricingType, sentAt: r.sentAt ?? r.createdAt }),
        },
        errorDetail: metaSaid ? { code: r.errorCode, title: r.errorTitle ?? r.error, details: r.errorDetails } : null,
        content: sentContent(r),
        statusEvents,
      };
    },

    /** One page of the export after `after` (keyset on the sort order), with the columns CSV needs. */
    exportPage(filters: LogFilters, after: { createdAt: number; id: number } | null, limit: number): LogCsvRow[] {
      const { shape, values } = shapeOf(filters);
      const statement = memo(exportCache, `${shapeKey(shape)}${after ? '>' : ''}`, () => prepareRows(db, CSV_ROW, exportQuery(shape, after !== null)));
      return statement.all({ ...values, limit, ...(after ? { afterAt: after.createdAt, afterId: after.id } : {}) });
    },

    count(filters: LogFilters): number {
      return sumOf(countsByStatus(filters));
    },

    /**
     * The counters of each range [bounds[i], bounds[i + 1]) — consecutive local days for the Status
     * chart — from one read of `notification_daily_counts` for the UTC days between the bounds'
     * nearest UTC midnights; only the slice between each bound and its nearest UTC midnight is
     * counted in `notifications` (3 h in São Paulo, nothing in UTC), added or taken off.
     */
    countersByRange(bounds: readonly number[]): LogCounters[] {
      if (bounds.length < 2) return [];
      const midnights = bounds.map((b) => Math.round(b / DAY));
      const perDay = new Map<number, { status: NotificationStatus; n: number }[]>();
      for (const r of dailyByDay.all({ dayFrom: midnights[0], dayTo: midnights[midnights.length - 1] })) {
        perDay.set(r.day, [...(perDay.get(r.day) ?? []), r]);
      }
      const between = counting(`base:${shapeKey(RANGE)}`, () => baseCountQuery(RANGE)).prepared;
      // Rows the day table misses (+) or counts too many (−) at each bound.
      const slices = bounds.map((b, i) => {
        const midnight = midnights[i]! * DAY;
        if (b === midnight) return [];
        return b < midnight ? between.all({ from: b, to: midnight }) : between.all({ from: midnight, to: b }).map((r) => ({ ...r, n: -r.n }));
      });
      return bounds.slice(0, -1).map((_, i) => {
        const counts = new Map<NotificationStatus, number>();
        const add = (rows: { status: NotificationStatus; n: number }[], sign: 1 | -1) => {
          for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + sign * r.n);
        };
        for (let day = midnights[i]!; day < midnights[i + 1]!; day++) add(perDay.get(day) ?? [], 1);
        add(slices[i]!, 1);
        add(slices[i + 1]!, -1);
        return messageCounts(Object.fromEntries(counts));
      });
    },
  };
}

export type LogQuery = ReturnType<typeof createLogQuery>;
