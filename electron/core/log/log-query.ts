import type Database from 'better-sqlite3';
import type { LogCounters, LogDetail, LogFilters, LogRow, LogStatusEvent } from '../../../shared/contract/methods/log';
import { messageCounts } from '../../../shared/domain/message-counts';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import type { OrderEvent } from '../../../shared/domain/order-events';
import type { AppDatabase } from '../db/open-database';
import { sentContent, type SentContentColumns } from './sent-content';
import { chargeVerdict } from '../../../shared/domain/pricing';

/** SQL for one set of filters: a WHERE clause (or '') and its parameters. */
export interface FilterSql {
  where: string;
  params: unknown[];
}

export interface Statement {
  sql: string;
  params: unknown[];
}

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

export function filterSql(filters: LogFilters): FilterSql {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.status) {
    clauses.push('status = ?');
    params.push(filters.status);
  }
  if (filters.type) {
    clauses.push('type = ?');
    params.push(filters.type);
  }
  if (filters.from !== undefined) {
    clauses.push('created_at >= ?');
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    clauses.push('created_at < ?');
    params.push(filters.to);
  }
  const search = normalizeSearch(filters.search);
  if (search !== null) {
    if ([...search].length >= MIN_SUBSTRING) {
      clauses.push('id IN (SELECT rowid FROM notifications_search WHERE notifications_search MATCH ?)');
      params.push(ftsPhrase(search));
    } else {
      clauses.push('order_number = ?');
      params.push(search);
    }
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

interface RawRow {
  id: number;
  order_number: string;
  phone: string;
  type: OrderEvent;
  status: NotificationStatus;
  tracking: string | null;
  created_at: number;
  sent_at: number | null;
  error: string | null;
  error_code: number | null;
  reason: string | null;
}

const ROW_COLUMNS = 'id, order_number, phone, type, status, tracking, created_at, sent_at, error, error_code, reason';
const ORDER = 'ORDER BY created_at DESC, id DESC';

const toRow = (r: RawRow): LogRow => ({
  id: r.id,
  orderNumber: r.order_number,
  phone: r.phone,
  type: r.type,
  status: r.status,
  tracking: r.tracking,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  error: r.error,
  errorCode: r.error_code,
  reason: r.reason,
});

const DAY = 86_400_000;

/**
 * The statements that count rows per status for these filters. Without a search or a date range,
 * `notification_totals` answers alone. Without a search, whole UTC days
 * come from `notification_daily_counts` (a few rows per day, kept by triggers) and only the
 * partial days at the range's ends are counted in `notifications` (through its date indexes);
 * with a search, the FTS match is counted directly.
 */
export function countStatements(filters: LogFilters): Statement[] {
  const base = (f: LogFilters): Statement => {
    const { where, params } = filterSql(f);
    return { sql: `SELECT status, count(*) AS n FROM notifications ${where} GROUP BY status`, params };
  };
  const { from, to } = filters;
  if (normalizeSearch(filters.search) !== null) return [base(filters)];
  const dayFrom = from === undefined ? null : Math.ceil(from / DAY);
  const dayTo = to === undefined ? null : Math.floor(to / DAY);
  if (dayFrom !== null && dayTo !== null && dayFrom >= dayTo) return [base(filters)];
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (from === undefined && to === undefined) {
    // All time: the totals table (a few dozen rows), whatever the length of the history.
    if (filters.type) add('type = ?', filters.type);
    if (filters.status) add('status = ?', filters.status);
    return [{ sql: `SELECT status, sum(n) AS n FROM notification_totals ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} GROUP BY status`, params }];
  }
  if (dayFrom !== null) add('day >= ?', dayFrom);
  if (dayTo !== null) add('day < ?', dayTo);
  if (filters.type) add('type = ?', filters.type);
  if (filters.status) add('status = ?', filters.status);
  const statements: Statement[] = [
    {
      sql: `SELECT status, sum(n) AS n FROM notification_daily_counts ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} GROUP BY status`,
      params,
    },
  ];
  if (from !== undefined && dayFrom !== null && from < dayFrom * DAY) statements.push(base({ ...filters, from, to: dayFrom * DAY }));
  if (to !== undefined && dayTo !== null && to > dayTo * DAY) statements.push(base({ ...filters, from: dayTo * DAY, to }));
  return statements;
}

/**
 * Read side of the Message Log for the screen, sized for a million rows: every filter has an
 * index (`log-query.test.ts` checks the plans), pages are LIMIT/OFFSET on an index in date order,
 * and the export walks a keyset cursor. Statements are prepared once per SQL text.
 */
export function createLogQuery(db: AppDatabase) {
  const client: Database.Database = db.$client;
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = client.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };

  /** Counts per status for these filters; statements from `countStatements` (summary table + base-table edges). */
  const countsByStatus = (filters: LogFilters): Map<NotificationStatus, number> => {
    const counts = new Map<NotificationStatus, number>();
    for (const { sql, params } of countStatements(filters)) {
      for (const r of prepare(sql).all(...params) as { status: NotificationStatus; n: number }[]) counts.set(r.status, (counts.get(r.status) ?? 0) + r.n);
    }
    return counts;
  };
  const sum = (counts: Map<NotificationStatus, number>) => [...counts.values()].reduce((total, n) => total + n, 0);

  return {
    /** The SQL each call runs, for EXPLAIN QUERY PLAN in tests. */
    sqlFor(filters: LogFilters) {
      const f = filterSql(filters);
      return {
        page: [{ sql: `SELECT ${ROW_COLUMNS} FROM notifications ${f.where} ${ORDER} LIMIT ? OFFSET ?`, params: [...f.params, 50, 0] }],
        counts: countStatements(filters),
      };
    },

    page(filters: LogFilters, page: number, pageSize: number): { rows: LogRow[]; total: number } {
      const f = filterSql(filters);
      const total = sum(countsByStatus(filters));
      const offset = (page - 1) * pageSize;
      const rows =
        offset >= total
          ? []
          : (prepare(`SELECT ${ROW_COLUMNS} FROM notifications ${f.where} ${ORDER} LIMIT ? OFFSET ?`).all(...f.params, pageSize, offset) as RawRow[]);
      return { rows: rows.map(toRow), total };
    },

    /** The counters over these filters, by the one definition of each number (shared/domain/message-counts.ts). */
    counters(filters: LogFilters): LogCounters {
      return messageCounts(Object.fromEntries(countsByStatus(filters)));
    },

    /** The row's detail; the customer's identity is added by the handler (`log.get`). */
    get(id: number): Omit<LogDetail, 'identity'> | null {
      const r = prepare('SELECT * FROM notifications WHERE id = ?').get(id) as
        | (RawRow &
            SentContentColumns & {
            updated_at: number;
            wamid: string | null;
            wa_id: string | null;
            delivered_at: number | null;
            read_at: number | null;
            failed_at: number | null;
            status_at: number | null;
            error_title: string | null;
            error_details: string | null;
            pricing_category: string | null;
            pricing_billable: number | null;
            pricing_model: string | null;
            pricing_type: string | null;
          })
        | undefined;
      if (!r) return null;
      const statusEvents = r.wamid
        ? (
            prepare(
              'SELECT status, status_at, received_at, outcome, error_code FROM webhook_status_events WHERE wamid = ? ORDER BY status_at, id',
            ).all(r.wamid) as { status: string; status_at: number; received_at: number; outcome: string; error_code: number | null }[]
          ).map((e): LogStatusEvent => ({ status: e.status, at: e.status_at, receivedAt: e.received_at, outcome: e.outcome, errorCode: e.error_code }))
        : [];
      // Only what Meta said is Meta's error: a skipped row's `error` (the blacklist entry, the phone
      // problem) is Recado's own detail, shown in words with the reason.
      const metaSaid = r.error_code !== null || r.error_title !== null;
      return {
        ...toRow(r),
        updatedAt: r.updated_at,
        wamid: r.wamid,
        waId: r.wa_id,
        deliveredAt: r.delivered_at,
        readAt: r.read_at,
        failedAt: r.failed_at,
        statusAt: r.status_at,
        pricing: {
          category: r.pricing_category,
          billable: r.pricing_billable === null ? null : r.pricing_billable === 1,
          model: r.pricing_model,
          type: r.pricing_type,
          charge: chargeVerdict({
            category: r.pricing_category,
            billable: r.pricing_billable === null ? null : r.pricing_billable === 1,
            type: r.pricing_type,
            sentAt: r.sent_at ?? r.created_at,
          }),
        },
        errorDetail: metaSaid ? { code: r.error_code, title: r.error_title ?? r.error, details: r.error_details } : null,
        content: sentContent(r),
        statusEvents,
      };
    },

    /** One page of the export after `after` (keyset on the sort order), with the raw columns CSV needs. */
    exportPage(filters: LogFilters, after: { createdAt: number; id: number } | null, limit: number) {
      const f = filterSql(filters);
      const cursor = after ? `${f.where ? `${f.where} AND` : 'WHERE'} (created_at < ? OR (created_at = ? AND id < ?))` : f.where;
      const params = after ? [...f.params, after.createdAt, after.createdAt, after.id] : f.params;
      return prepare(
        `SELECT ${ROW_COLUMNS}, delivered_at, read_at, wamid FROM notifications ${cursor} ${ORDER} LIMIT ?`,
      ).all(...params, limit) as (RawRow & { delivered_at: number | null; read_at: number | null; wamid: string | null })[];
    },

    count(filters: LogFilters): number {
      return sum(countsByStatus(filters));
    },
  };
}

export type LogQuery = ReturnType<typeof createLogQuery>;
