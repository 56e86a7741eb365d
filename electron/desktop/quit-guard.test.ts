import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../core/dispatcher/dispatcher';
import { makeOrder, openDispatcherHarness, type DispatcherHarness } from '../core/dispatcher/testing/dispatcher-harness';
import { DEMO } from '../core/sandbox/demo-world';
import { createGraphClient } from '../core/whatsapp/graph-client';
import { createQuitGuard } from './quit-guard';

/** Meta, slow: a loopback proxy that holds each request `delayMs` before passing it to the Sandbox. */
function slowMeta(delayMs: number) {
  let target = '';
  const server: Server = createServer((req, res) => {
    setTimeout(() => {
      const url = new URL(req.url ?? '/', target);
      const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    }, delayMs);
  });
  return {
    server,
    setTarget: (url: string) => (target = url),
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let harness: DispatcherHarness | undefined;
let proxy: ReturnType<typeof slowMeta> | undefined;
afterEach(async () => {
  await proxy?.close();
  await harness?.close();
});

async function sendingThroughSlowMeta(delayMs: number) {
  proxy = slowMeta(delayMs);
  const url = await proxy.listen();
  harness = await openDispatcherHarness({
    meta: { client: async () => createGraphClient({ baseUrl: url, apiVersion: 'v23.0', accessToken: () => DEMO.accessToken, timeoutMs: 60_000 }) },
  });
  proxy.setTarget(harness.sandbox.baseUrl);
  harness.addOrder(makeOrder(1));
  harness.dispatcher.start();
  const status = () => harness!.rows<{ status: string }>('SELECT status FROM notifications')[0]?.status;
  for (let i = 0; i < 500 && status() !== 'sending'; i++) await new Promise((r) => setTimeout(r, 10));
  expect(status()).toBe('sending');
  return status;
}

/** Quits through the guard the way Electron's before-quit would, and waits for the second quit(). */
async function quit(close: () => Promise<void>, timeoutMs: number) {
  let outcome: 'closed' | 'timed_out' | null = null;
  let quits = 0;
  const guard = createQuitGuard({ close, timeoutMs, quit: () => quits++, onClosed: (o) => (outcome = o) });
  let prevented = 0;
  guard({ preventDefault: () => prevented++ });
  guard({ preventDefault: () => prevented++ });
  for (let i = 0; i < 1000 && quits === 0; i++) await new Promise((r) => setTimeout(r, 10));
  // The quit() after closing passes through.
  guard({ preventDefault: () => prevented++ });
  return { outcome, quits, prevented };
}

describe('quitting while a send is in flight', () => {
  it('waits for the send to finish and records it before quitting', async () => {
    const status = await sendingThroughSlowMeta(300);
    const result = await quit(() => harness!.dispatcher.stop(), 5_000);
    expect(result).toEqual({ outcome: 'closed', quits: 1, prevented: 2 });
    expect(status()).toBe('sent');
    expect(harness!.sent()).toHaveLength(1);
  });

  it('past the timeout, leaves it for reconciliation: the next start marks it unconfirmed, never resends it', async () => {
    const status = await sendingThroughSlowMeta(3_000);
    const result = await quit(() => harness!.dispatcher.stop(), 200);
    expect(result.outcome).toBe('timed_out');
    expect(result.quits).toBe(1);
    expect(status()).toBe('sending');
    // The next start (a new dispatcher on the same database) reconciles it.
    const next = createDispatcher(harness!.ctx, { random: () => 0.5, sources: () => [] });
    next.start();
    await next.stop();
    expect(status()).toBe('unconfirmed');
  }, 20_000);
});
