import { expect, it } from 'vitest';
import { wooHarness } from '../../electron/core/orders/woocommerce/testing/woo-harness';
import { makeTempDir, openTempCore } from '../../electron/core/testing/temp-core';
import { knob, publish } from './results';

const ORDERS = knob('SCAN_ORDERS', 10_000);
const CHANGED = 50;

// The WooCommerce poll against a fake store of 10,000 orders (the real client and source over
// loopback HTTP): the first scan, then an incremental poll after 50 orders changed. Target: the
// incremental poll's requests grow with the changed orders, not with the store.
it(`order scan: ${ORDERS} orders, then ${CHANGED} changed`, async () => {
  const temp = makeTempDir('recado-bench-');
  const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
  const woo = await wooHarness(core.context().db);
  // Spread over the last days, as a shop's orders are (the first scan reads its lookback window).
  const start = woo.store.now - 6 * 86_400_000;
  const orderIds: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    woo.store.now = start + Math.floor((i * 6 * 86_400_000) / ORDERS);
    orderIds.push(woo.store.addOrder({ status: 'processing' }).id);
  }
  woo.store.now = start + 6 * 86_400_000 + 60_000;

  const scan = async () => {
    woo.store.resetRequests();
    const cpu = process.cpuUsage();
    const began = performance.now();
    const result = await woo.poll();
    const used = process.cpuUsage(cpu);
    return { result, requests: woo.store.countRequests(), cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - began };
  };
  const first = await scan();
  woo.store.now += 5 * 60_000;
  const all = first.result.seen;
  const step = Math.floor(ORDERS / CHANGED);
  for (let i = 0; i < CHANGED; i++) woo.store.setStatus(orderIds[i * step]!, 'completed');
  woo.store.now += 60_000;
  // A failed poll is published as such (with the client's words), never hidden.
  const failedScan = (error: unknown) => ({ result: { seen: 0, changed: 0, events: [], refused: [], cursor: null }, requests: woo.store.countRequests(), cpuMs: 0, wallMs: 0, error: error instanceof Error ? `${error.message} (${String((error as { detail?: unknown }).detail ?? '')})` : String(error) });
  const incremental: Awaited<ReturnType<typeof scan>> & { error?: string } = await scan().catch(failedScan);
  const idle: Awaited<ReturnType<typeof scan>> & { error?: string } = await scan().catch(failedScan);

  publish('order scan (WooCommerce, fake store)', [
    { name: `first scan: orders seen / requests`, value: `${first.result.seen} / ${first.requests}` },
    { name: 'first scan: CPU (client + fake store, one process)', value: first.cpuMs, unit: 'ms' },
    { name: 'first scan: events derived', value: first.result.events.length },
    { name: `incremental poll after ${CHANGED} changed: orders seen / requests`, value: `${incremental.result.seen} / ${incremental.requests}` },
    { name: 'incremental poll: CPU', value: incremental.cpuMs, unit: 'ms' },
    { name: 'incremental poll: events derived', value: incremental.result.events.length },
    { name: 'requests per changed order (incremental)', value: incremental.requests / CHANGED, target: 'ceil(50/100) pages, ≪ first scan', met: !incremental.error && incremental.requests <= Math.ceil(CHANGED / 100) + 1 && incremental.requests < first.requests },
    { name: 'poll with nothing changed: requests / CPU', value: `${idle.requests} / ${idle.cpuMs.toFixed(1)} ms` },
    ...(incremental.error || idle.error ? [{ name: 'poll failed', value: incremental.error ?? idle.error ?? '', target: 'no failure', met: false }] : []),
  ], { orders: ORDERS, changed: CHANGED });
  await woo.store.close();
  await core.close();
  temp.remove();
  expect(all).toBeGreaterThan(0);
}, 600_000);
