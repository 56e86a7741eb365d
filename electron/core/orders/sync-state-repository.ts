import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { orderSyncState } from '../db/schema';

/** The cursor a source returned on its last poll (`order_sync_state`), or null before the first. */
export function readCursor(db: AppDatabase, key: string): string | null {
  return db.select().from(orderSyncState).where(eq(orderSyncState.source, key)).get()?.cursor ?? null;
}

/** Stores a source's cursor and when it was written; the row is created on the first poll. */
export function writeCursor(db: AppDatabase, key: string, cursor: string | null, now: number): void {
  db.insert(orderSyncState)
    .values({ source: key, cursor, syncedAt: now })
    .onConflictDoUpdate({ target: orderSyncState.source, set: { cursor, syncedAt: now } })
    .run();
}
