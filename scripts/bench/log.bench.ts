import { expect, it } from 'vitest';
import type { LogFilters } from '../../shared/contract/methods/log';
import { seedLog } from '../../electron/core/log/testing/seed-log';
import { makeTempDir, openTempCore } from '../../electron/core/testing/temp-core';
import { memoryMb, measure } from './measure';

const DAY = 86_400_000;

// The Message Log on 1,000,000 rows through the contract (validation, handler, SQLite): one page
// of 50 plus its total count, per filter; the counters; an export page. Target p95 ≤ 15 ms.
it('message log on 1,000,000 rows', async () => {
  const temp = makeTempDir('recado-bench-');
  const { core } = openTempCore(temp.dir);
  const { end } = seedLog(core.context().db, 1_000_000);
  const filters: Record<string, LogFilters> = {
    'no filter': {},
    'status failed': { status: 'failed' },
    'status read': { status: 'read' },
    'type shipment_created': { type: 'shipment_created' },
    'last 7 days': { from: end - 7 * DAY, to: end },
    'status + type': { status: 'delivered', type: 'order_placed' },
    'status + last 7 days': { status: 'read', from: end - 7 * DAY, to: end },
    'search phone digits': { search: '98765' },
    'search order number': { search: '#512345' },
  };
  let page = 0;
  for (const [name, f] of Object.entries(filters)) {
    await measure(`log.query ${name}`, () => core.dispatch('log.query', { filters: f, page: 1 + (page++ % 20), pageSize: 50 }), { runs: 100, warmup: 5, targetP95Ms: 15 });
  }
  for (const [name, f] of Object.entries(filters)) {
    await measure(`log.counters ${name}`, () => core.dispatch('log.counters', { filters: f }), { runs: 30, warmup: 3, targetP95Ms: 15 });
  }
  await measure('log.exportCsv page of 5000', () => core.dispatch('log.exportCsv', { filters: {}, pageSize: 5000 }), { runs: 20, warmup: 2 });
  console.log(`rss: ${memoryMb().toFixed(0)} MB`);
  await core.close();
  temp.remove();
  expect(page).toBeGreaterThan(0);
});
