import { and, count, desc, eq } from 'drizzle-orm';
import type { OrderSourceKind } from '../../../shared/domain/order';
import type { OrderRefusal } from '../../../shared/domain/order-schema';
import type { RefusalExcerpt, RefusalIssue, RefusedOrderView } from '../../../shared/domain/refused-order';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/open-database';
import { refusedOrders, type RefusedOrderRow } from '../db/schema';

/** One order a source sent that the schema refused, ready to record. */
export interface Refusal {
  source: OrderSourceKind;
  externalId: string;
  number: string | null;
  issues: RefusalIssue[];
  excerpt: RefusalExcerpt[];
}

const MAX_ISSUES = 20;
const MAX_EXCERPTS = 6;
const MAX_EXCERPT_CHARS = 80;
/** Field names whose values are never shown, whatever sent them. */
const SECRET_FIELD = /secret|token|password|senha|key$|signature|authorization|cpf|cnpj|document/i;

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path === '' ? [] : path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A value as one short printable line: JSON (strings quoted), control characters shown as
 * spaces, cut with "…"; `''` when the field was missing (the screen says so in words).
 */
export function excerptValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = '';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ');
  return text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS - 1)}…` : text;
}

/**
 * The offending values of a refusal, read at each issue's path in `source` (what the source sent,
 * or the order mapped from it): a few, each cut short, and never a field whose name says secret.
 */
export function excerptOf(source: unknown, issues: readonly RefusalIssue[]): RefusalExcerpt[] {
  const out: RefusalExcerpt[] = [];
  for (const { path } of issues) {
    if (out.length >= MAX_EXCERPTS) break;
    if (out.some((e) => e.path === path)) continue;
    out.push({ path, value: SECRET_FIELD.test(path) ? '••••' : excerptValue(valueAt(source, path)) });
  }
  return out;
}

/** A refusal from `parseOrder` (or a source's own parse), with the excerpt read from `source`. */
export function refusalOf(base: Omit<Refusal, 'issues' | 'excerpt'>, refusal: OrderRefusal, source: unknown): Refusal {
  const issues = refusal.issues.slice(0, MAX_ISSUES);
  return { ...base, issues, excerpt: excerptOf(source, issues) };
}

/** Records (or refreshes) a refusal: reasons replaced, last seen and the count moved on. */
export function recordRefusal(db: AppDatabase, refusal: Refusal, now: number): void {
  const values = {
    source: refusal.source,
    externalId: refusal.externalId.slice(0, 200),
    number: refusal.number?.slice(0, 60) ?? null,
    issues: JSON.stringify(refusal.issues.slice(0, MAX_ISSUES)),
    excerpt: JSON.stringify(refusal.excerpt.slice(0, MAX_EXCERPTS)),
    firstSeenAt: now,
    lastSeenAt: now,
    times: 1,
  };
  const existing = db
    .select({ times: refusedOrders.times })
    .from(refusedOrders)
    .where(and(eq(refusedOrders.source, values.source), eq(refusedOrders.externalId, values.externalId)))
    .get();
  db.insert(refusedOrders)
    .values(values)
    .onConflictDoUpdate({
      target: [refusedOrders.source, refusedOrders.externalId],
      set: { number: values.number, issues: values.issues, excerpt: values.excerpt, lastSeenAt: now, times: (existing?.times ?? 0) + 1 },
    })
    .run();
}

/** Removes the refusal of an order that now passed (or the owner dismissed). Returns whether one was there. */
export function clearRefusal(db: AppDatabase, source: OrderSourceKind, externalId: string): boolean {
  return db.delete(refusedOrders).where(and(eq(refusedOrders.source, source), eq(refusedOrders.externalId, externalId))).run().changes > 0;
}

export function countRefused(db: AppDatabase): number {
  return db.select({ n: count() }).from(refusedOrders).get()?.n ?? 0;
}

function toView(row: RefusedOrderRow): RefusedOrderView {
  return {
    source: row.source,
    externalId: row.externalId,
    number: row.number,
    issues: JSON.parse(row.issues) as RefusalIssue[],
    excerpt: JSON.parse(row.excerpt) as RefusalExcerpt[],
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    times: row.times,
  };
}

/** The refused orders, most recently seen first. */
export function listRefused(db: AppDatabase, limit = 200): { rows: RefusedOrderView[]; total: number } {
  const rows = db.select().from(refusedOrders).orderBy(desc(refusedOrders.lastSeenAt)).limit(limit).all();
  return { rows: rows.map(toView), total: countRefused(db) };
}

/** Tells every window the list changed (the Orders screen's badge and list follow it). */
export function announceRefused(db: AppDatabase, events: Pick<EventBus, 'emit'> | undefined): void {
  events?.emit('orders.refusedChanged', { total: countRefused(db) });
}
