import Database from 'better-sqlite3';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_EVENTS_PATH, WEBHOOK_PATH, WOO_WEBHOOK_PATH } from '../../../shared/settings/webhook';
import { signOrderEvent } from '../orders/endpoint/order-endpoint';
import { FakeWooStore } from '../orders/woocommerce/testing/fake-woo-server';
import { DATABASE_FILE } from '../platform/paths';
import { bundleChild } from '../testing/bundle-child';
import { killChild, spawnPortChild, type RunningChild } from '../testing/spawn-child';
import { makeTempDir, MIGRATIONS_DIR, openTempCore } from '../testing/temp-core';
import { APP_SECRET, inboundBody, signedHeaders } from './testing/webhook-test-kit';

const WOO_SECRET = 'whsec-durability-test';
const ENDPOINT_SECRET = 'rec_durability-secret-0123456789abcdefghij';

let bundleDir: ReturnType<typeof makeTempDir>;
const temps: ReturnType<typeof makeTempDir>[] = [];
const children: RunningChild[] = [];

beforeAll(async () => {
  // The child runs the real core from a bundle, as the packaged app does (toolchain.md: SSR build).
  bundleDir = makeTempDir('recado-child-');
  await bundleChild('electron/core/webhook/testing/webhook-child.ts', bundleDir.dir);
}, 60_000);

afterAll(async () => {
  for (const child of children) await killChild(child);
  bundleDir?.remove();
  for (const t of temps) t.remove();
});

function post(port: number, path: string, raw: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers, agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end(raw);
  });
}

interface Route {
  path: string;
  /** The i-th distinct request: its body, headers, and the key its row is stored under. */
  request(i: number): { body: string; headers: Record<string, string>; key: string };
  /** Keys of every stored row, read from the file after the kill. */
  stored(db: Database.Database): Set<string>;
}

const woo = new FakeWooStore();
const routes: Record<string, Route> = {
  'Meta callback': {
    path: WEBHOOK_PATH,
    request(i) {
      const waId = `55119${String(10_000_000 + i)}`;
      const body = inboundBody([{ from: waId, id: `wamid.burst.${i}`, timestamp: '1750000000', type: 'text', text: { body: `msg ${i}` } }]);
      return { body, headers: signedHeaders(body), key: waId };
    },
    stored: (db) => new Set((db.prepare('SELECT wa_id FROM inbound_contacts').all() as { wa_id: string }[]).map((r) => r.wa_id)),
  },
  'order endpoint': {
    path: ORDER_EVENTS_PATH,
    request(i) {
      const number = `ERP-${10_000 + i}`;
      const body = JSON.stringify({
        eventId: `erp-${i}-placed`,
        event: 'order_placed',
        occurredAt: new Date().toISOString(),
        order: { number, customerName: 'Maria Souza', phone: '(11) 98765-4321', total: '99.90' },
      });
      const ts = String(Math.floor(Date.now() / 1000));
      return { body, headers: { 'content-type': 'application/json', 'x-recado-timestamp': ts, 'x-recado-signature': signOrderEvent(ENDPOINT_SECRET, ts, body) }, key: number };
    },
    stored: (db) => new Set((db.prepare(`SELECT external_id FROM order_events WHERE source = 'endpoint'`).all() as { external_id: string }[]).map((r) => r.external_id)),
  },
  'WooCommerce push': {
    path: WOO_WEBHOOK_PATH,
    request() {
      const order = woo.addOrder();
      const delivery = woo.webhookDelivery(order.id, 'order.created', WOO_SECRET);
      return { body: delivery.body, headers: delivery.headers, key: String(order.id) };
    },
    stored: (db) => new Set((db.prepare(`SELECT external_id FROM order_events WHERE source = 'woocommerce'`).all() as { external_id: string }[]).map((r) => r.external_id)),
  },
};

describe('durability: SIGKILL mid-burst', () => {
  it.each(Object.keys(routes))('%s: every request answered 200 is in the database after the process is killed', async (name) => {
    const route = routes[name]!;
    const data = makeTempDir();
    temps.push(data);
    // Live mode, so the child verifies with the secrets stored here (the child keeps the mode).
    const setup = openTempCore(data.dir, { mode: 'live' });
    setup.secrets.set('appSecret', APP_SECRET);
    setup.secrets.set('wooWebhookSecret', WOO_SECRET);
    setup.secrets.set('orderEndpointSecret', ENDPOINT_SECRET);
    await setup.core.close();

    const child = await spawnPortChild(join(bundleDir.dir, 'webhook-child.cjs'), [data.dir, MIGRATIONS_DIR]);
    children.push(child);
    const total = 600;
    const killAfter = 150;
    const acknowledged: string[] = [];
    const refusedOther: number[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < total) {
        const { body, headers, key } = route.request(next++);
        const status = await post(child.port, route.path, body, headers);
        if (status === 200) acknowledged.push(key);
        else if (status !== 0) refusedOther.push(status);
        if (!killed && acknowledged.length >= killAfter) {
          killed = true;
          child.proc.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    expect(killed).toBe(true);
    expect(refusedOther).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(acknowledged.length).toBeLessThan(total);

    // "After restart": open the file as the app would (WAL recovery included) and look.
    const db = new Database(join(data.dir, DATABASE_FILE));
    const stored = route.stored(db);
    db.close();
    expect(acknowledged.filter((key) => !stored.has(key))).toEqual([]);
  }, 60_000);
});
