import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { LogFilters } from '../../shared/contract/methods/log';
import { seedLog } from '../../electron/core/log/testing/seed-log';
import { createLogger } from '../../electron/core/platform/logger';
import { makeTempDir, openTempCore } from '../../electron/core/testing/temp-core';
import { startWebHost } from '../../electron/web/web-host';
import { measure } from './measure';
import { knob, publish, type Figure } from './results';
import { webContractClient } from './web-client';

const DAY = 86_400_000;
const PAGE_SIZE = 50;
const RUNS = knob('LOG_RUNS', 40);
const SIZES = [10_000, 100_000, knob('LOG_MAX_ROWS', 1_000_000)];

// The Message Log through the web transport (HTTP to the web host, as the screen asks): for each
// filter a first page and a deep page (each with its total count), and the counters, on 10k,
// 100k and 1M rows. Targets: p95 ≤ 15 ms at 1M, and flat (±20 %) from 10k to 1M.
it('message log at 10k, 100k and 1M rows over HTTP', async () => {
  const p95: Record<string, Record<number, number>> = {};
  const p50: Record<string, Record<number, number>> = {};
  for (const size of SIZES) {
    const temp = makeTempDir('recado-bench-');
    const { core } = openTempCore(join(temp.dir, 'data'));
    const { end } = seedLog(core.context().db, size);
    const staticDir = join(temp.dir, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ core, logger: createLogger(() => undefined), staticDir, token: 'bench-token-0123456789' });
    const client = webContractClient(host.port, host.token);
    const filters: Record<string, LogFilters> = {
      'no filter': {},
      'status failed': { status: 'failed' },
      'status read': { status: 'read' },
      'type shipment_created': { type: 'shipment_created' },
      'last 7 days': { from: end - 7 * DAY, to: end },
      'status + type': { status: 'delivered', type: 'order_placed' },
      'status + last 7 days': { status: 'read', from: end - 7 * DAY, to: end },
      'search phone digits': { search: '98765' },
      'search order number': { search: '#5123' },
    };
    const record = (name: string, m: { p50: number; p95: number }) => {
      (p95[name] ??= {})[size] = m.p95;
      (p50[name] ??= {})[size] = m.p50;
    };
    for (const [name, f] of Object.entries(filters)) {
      record(`${name}: first page`, await measure(`${size} ${name} first page`, () => client.call('log.query', { filters: f, page: 1, pageSize: PAGE_SIZE }), { runs: RUNS, warmup: 3 }));
      // Deep: page 100, or the last page when the filter matches fewer rows (page 1 when one page).
      const { total } = (await client.call('log.query', { filters: f, page: 1, pageSize: PAGE_SIZE })) as { total: number };
      const deep = Math.max(1, Math.min(100, Math.ceil(total / PAGE_SIZE)));
      record(`${name}: deep page`, await measure(`${size} ${name} page ${deep}`, () => client.call('log.query', { filters: f, page: deep, pageSize: PAGE_SIZE }), { runs: RUNS, warmup: 3 }));
      record(`${name}: counters`, await measure(`${size} ${name} counters`, () => client.call('log.counters', { filters: f }), { runs: Math.ceil(RUNS / 2), warmup: 2 }));
    }
    client.close();
    await host.close();
    await core.close();
    temp.remove();
  }
  const largest = SIZES[SIZES.length - 1]!;
  const figures: Figure[] = [];
  let worstP95 = 0;
  let worstSpread = 0;
  for (const [name, bySize] of Object.entries(p95)) {
    const values = SIZES.map((s) => bySize[s] ?? 0);
    const spread = Math.max(...values) / Math.max(0.01, Math.min(...values)) - 1;
    worstP95 = Math.max(worstP95, bySize[largest] ?? 0);
    worstSpread = Math.max(worstSpread, spread);
    figures.push({ name: `${name} p50/p95 at ${SIZES.map((s) => s / 1000 + 'k').join(' / ')}`, value: SIZES.map((s) => `${(p50[name]?.[s] ?? 0).toFixed(1)}/${(bySize[s] ?? 0).toFixed(1)}`).join(' · '), unit: 'ms' });
  }
  figures.push({ name: `worst p95 at ${largest / 1000}k rows`, value: worstP95, unit: 'ms', target: '≤ 15', met: worstP95 <= 15 });
  figures.push({ name: 'worst spread of p95, 10k → 1M', value: worstSpread * 100, unit: '%', target: '≤ 20', met: worstSpread <= 0.2 });
  publish('message log (web transport)', figures, { sizes: SIZES, runs: RUNS, pageSize: PAGE_SIZE });
  expect(figures.length).toBeGreaterThan(2);
}, 900_000);
