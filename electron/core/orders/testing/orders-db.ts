import { join } from 'node:path';
import type { Order } from '../../../../shared/domain/order';
import { openDatabase, type AppDatabase } from '../../db/open-database';
import { MIGRATIONS_DIR, makeTempDir } from '../../testing/temp-core';

/** A real, migrated SQLite file in a temp folder. */
export function openTempOrdersDb(): { db: AppDatabase; close(): void } {
  const temp = makeTempDir('recado-orders-');
  const db = openDatabase(join(temp.dir, 'orders.sqlite'), { migrationsDir: MIGRATIONS_DIR });
  return {
    db,
    close() {
      db.$client.close();
      temp.remove();
    },
  };
}

export function makeOrder(patch: Partial<Order> = {}): Order {
  return {
    source: 'local',
    externalId: '1001',
    number: '1001',
    customerName: 'Maria Souza',
    phone: '(11) 98765-4321',
    totalMinor: 123456,
    currency: 'BRL',
    status: 'pending',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    shipments: [],
    refunds: [],
    cancelReason: null,
    ...patch,
  };
}
