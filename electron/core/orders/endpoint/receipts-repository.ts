import { eq, lt } from 'drizzle-orm';
import type { AppDatabase } from '../../db/open-database';
import { orderEndpointReceipts } from '../../db/schema';

/** Accepted event ids are remembered this long (far beyond the signed timestamp's window). */
export const RECEIPT_RETENTION_MS = 30 * 86_400_000;

/** Whether an event id was already accepted (the replay guard of the order endpoint). */
export function wasReceived(db: AppDatabase, eventId: string): boolean {
  return db.select({ eventId: orderEndpointReceipts.eventId }).from(orderEndpointReceipts).where(eq(orderEndpointReceipts.eventId, eventId)).get() !== undefined;
}

/** Records an accepted event id and forgets those past the retention, so the table stays small. */
export function recordReceipt(db: AppDatabase, eventId: string, now: number): void {
  db.insert(orderEndpointReceipts).values({ eventId, receivedAt: now }).run();
  db.delete(orderEndpointReceipts).where(lt(orderEndpointReceipts.receivedAt, now - RECEIPT_RETENTION_MS)).run();
}
