import { z } from 'zod';
import { method } from '../define';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '../../domain/notification-status';
import type { MessageCounts } from '../../domain/message-counts';
import { ORDER_EVENTS, type OrderEvent } from '../../domain/order-events';
import type { ChargeVerdict } from '../../domain/pricing';

/** The Message Log's filters; every one is served by an index (search by an FTS5 trigram table). */
export const logFiltersSchema = z
  .object({
    /** Created at or after (ms). */
    from: z.number().int().nonnegative().optional(),
    /** Created before (ms, exclusive). */
    to: z.number().int().nonnegative().optional(),
    status: z.enum(NOTIFICATION_STATUSES).optional(),
    type: z.enum(ORDER_EVENTS).optional(),
    /** Part of the order number or phone (3+ characters; shorter = the exact order number). */
    search: z.string().trim().max(60).optional(),
  })
  .strict();
export type LogFilters = z.output<typeof logFiltersSchema>;

export interface LogRow {
  id: number;
  orderNumber: string;
  phone: string;
  type: OrderEvent;
  status: NotificationStatus;
  tracking: string | null;
  createdAt: number;
  sentAt: number | null;
  /** Short error text for the table ("131026 Message undeliverable"). */
  error: string | null;
  errorCode: number | null;
  /**
   * Why it was skipped, failed, is unconfirmed or waits: a `DispatchReason` key
   * (shared/domain/dispatch-reasons.ts) the screen turns into a sentence; null when there is none.
   */
  reason: string | null;
}

export interface LogPage {
  rows: LogRow[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The counters over the same filters, by the one definition of each number
 * (shared/domain/message-counts.ts, also behind the Status screen): `delivered` counts delivered
 * and read, `pending` what still has to go out (queued, sending), `total` skipped ones too.
 */
export type LogCounters = MessageCounts;

export interface LogStatusEvent {
  status: string;
  /** Meta's time (ms). */
  at: number;
  receivedAt: number;
  /** applied | stale (arrived after a later status) | orphan. */
  outcome: string;
  errorCode: number | null;
}

/** One parameter of a sent template, as the owner reads it. */
export interface LogTemplateParameter {
  /** The named parameter (`first_name`), or the position `1`, `2`… of a positional template. */
  name: string;
  /** `text`, or a header's media (`image`, `video`, `document`: the value is its link). */
  kind: 'text' | 'image' | 'video' | 'document' | 'other';
  value: string;
}

/** A template component that carried parameters: the header, the body, or one button. */
export interface LogTemplateComponent {
  type: 'header' | 'body' | 'button';
  /** The button's position (0 = first), as Meta counts; null for header and body. */
  index: number | null;
  parameters: LogTemplateParameter[];
}

export type LogContent =
  | { kind: 'template'; name: string; language: string; components: LogTemplateComponent[] }
  | { kind: 'text'; body: string };

export interface LogDetail extends LogRow {
  updatedAt: number;
  wamid: string | null;
  waId: string | null;
  deliveredAt: number | null;
  readAt: number | null;
  failedAt: number | null;
  statusAt: number | null;
  /** Meta's pricing as its receipts said; `charge`: whether Meta charges it, and why not (shared/domain/pricing.ts). */
  pricing: { category: string | null; billable: boolean | null; model: string | null; type: string | null; charge: ChargeVerdict | null };
  errorDetail: { code: number | null; title: string | null; details: string | null } | null;
  /**
   * What was sent (template with its parameters per component, or the text), as committed with
   * `sending` before the request left. Null while the row has not been sent (queued, skipped).
   */
  content: LogContent | null;
  /** Every status webhook Meta sent for this message, oldest first. */
  statusEvents: LogStatusEvent[];
  /**
   * The customer's WhatsApp identity when Recado has seen it with this phone (2026): Meta's
   * business-scoped user ID and, when they enabled one, their username. Null when never seen.
   */
  identity: LogCustomerIdentity | null;
}

export interface LogCustomerIdentity {
  /** Business-scoped user ID, e.g. `BR.13491208655302741918`. */
  userId: string;
  username: string | null;
}

/**
 * Columns of the exported log: the owner's words first (event, status and why, in the language
 * the renderer hands over), then the machine values (`typeCode`, `statusCode`, `reasonCode`) for
 * whoever filters the sheet or asks support.
 */
export const LOG_CSV_COLUMNS = [
  'id',
  'orderNumber',
  'phone',
  'type',
  'status',
  'reason',
  'tracking',
  'createdAt',
  'sentAt',
  'deliveredAt',
  'readAt',
  'error',
  'wamid',
  'typeCode',
  'statusCode',
  'reasonCode',
] as const;

const word = z.string().max(500);

/** The words the export writes instead of codes, in the owner's language (the core has no i18next). */
export const logCsvWordsSchema = z
  .object({
    /** Header labels, one per `LOG_CSV_COLUMNS`. */
    headers: z.array(z.string().max(80)).length(LOG_CSV_COLUMNS.length),
    types: z.record(z.enum(ORDER_EVENTS), word),
    statuses: z.record(z.enum(NOTIFICATION_STATUSES), word),
    /** `dispatch.reason.<reason>` sentences; a reason missing here is written as its code. */
    reasons: z.record(z.string().max(60), word),
    /** A skipped row's detail: `{{text}}` is the blacklist entry's reason. */
    blacklistedDetail: word,
    /** A skipped row's detail: `{{event}}` is the newer event. */
    supersededDetail: word,
    /** The blacklist reason of a customer who replied with an opt-out keyword. */
    optedOut: word,
    /** Phone problems (`validation.phone.<reason>`). */
    phoneProblems: z.record(z.string().max(60), word),
  })
  .strict();
export type LogCsvWords = z.output<typeof logCsvWordsSchema>;

export interface LogCsvPage {
  /** CSV text of this page (header line on the first page only), lines ending in CRLF. */
  csv: string;
  /** Pass back as `after` for the next page; null when this was the last one. */
  nextCursor: { createdAt: number; id: number } | null;
  /** Rows in this page. */
  rows: number;
  /** Rows matching the filters (first page only, for the progress bar; null after). */
  total: number | null;
}

export const logMethods = {
  /** Newest first, server-side paging. */
  'log.query': method(
    z
      .object({
        filters: logFiltersSchema.default({}),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
  ).returns<LogPage>(),
  'log.counters': method(z.object({ filters: logFiltersSchema.default({}) }).strict()).returns<LogCounters>(),
  'log.get': method(z.object({ id: z.number().int().positive() }).strict()).returns<LogDetail>(),
  /**
   * The filtered rows as CSV, one page per call (keyset cursor), so the core never holds the whole
   * export; the renderer joins the pages into a Blob.
   */
  'log.exportCsv': method(
    z
      .object({
        filters: logFiltersSchema.default({}),
        after: z.object({ createdAt: z.number().int(), id: z.number().int() }).nullable().default(null),
        pageSize: z.number().int().min(1).max(20_000).default(5_000),
        /** The owner's words for headers, events, statuses and reasons; without them, the machine values. */
        words: logCsvWordsSchema.optional(),
        /** Dates as `dd/mm/aaaa hh:mm` in this zone (`America/Sao_Paulo`); ISO 8601 UTC without it. */
        timeZone: z.string().max(60).optional(),
        /** `;` for Excel in Brazil (comma is the decimal separator there). */
        delimiter: z.enum([';', ',']).default(';'),
      })
      .strict(),
  ).returns<LogCsvPage>(),
};
