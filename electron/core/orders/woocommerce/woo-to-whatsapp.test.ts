import { afterEach, describe, expect, it } from 'vitest';
import type { RefusedOrderPage } from '../../../../shared/contract/methods/orders';
import { DEFAULT_DISPATCH_SETTINGS } from '../../../../shared/settings/dispatch';
import type { Core } from '../../create-core';
import { tempCores } from '../../testing/temp-cores';
import { FakeWooStore } from './testing/fake-woo-server';
import type { InputOf, MethodName, OutputOf } from '../../../../shared/contract';
import { waitFor } from '../../testing/wait-for';

let store: FakeWooStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});
// Registered after the store's: vitest runs afterEach hooks last-registered first, so the core stops polling before the store closes.
const cores = tempCores();
let core: Core | undefined;

const call = <N extends MethodName>(method: N, input: InputOf<N>): Promise<OutputOf<N>> => core!.client.call(method, input);

const SECRET = 'woo-webhook-secret-123';

/**
 * The shapes seen in the wild next to good orders, on one page of the fake store: what
 * WooCommerce itself is loose about is imported; what would corrupt a message is refused alone.
 */
describe('WooCommerce with odd orders next to good ones, end to end', () => {
  it('imports and sends the good ones, refuses each bad one with its reason, keeps polling and never answers a push with 5xx', async () => {
    ({ core } = cores.open({ mode: 'sandbox' }));
    await call('dispatch.saveSettings', { ...DEFAULT_DISPATCH_SETTINGS, minDelaySeconds: 0, maxDelaySeconds: 0 });
    await core.startServices({ webhookPort: 0 });
    store = new FakeWooStore();
    await store.listen();
    store.now = Date.now();
    await call('woocommerce.saveSettings', { enabled: true, storeUrl: store.url, consumerKey: store.key, consumerSecret: store.secret, webhookSecret: SECRET });

    const person = (first: string, phone: string) => ({ first_name: first, last_name: 'Teste', phone, country: 'BR' });
    // Loose but harmless: imported and sent.
    const good = store.addOrder({ status: 'processing', billing: person('Maria', '(11) 98765-4321') });
    const phoneAsNumber = store.addOrder({ status: 'processing', billing: person('Joana', '(11) 91111-2222') });
    store.corrupt(phoneAsNumber.id, { billing: { ...person('Joana', ''), phone: 5511911112222 }, number: 5002, refunds: {} });
    const refundReasonAsNumber = store.addOrder({ status: 'processing', billing: person('Rita', '(21) 97654-3210') });
    store.corrupt(refundReasonAsNumber.id, { refunds: [{ id: 77, reason: 5, total: '-1.00' }] });
    // Would corrupt a message: refused, each alone.
    const usdt = store.addOrder({ status: 'processing', currency: 'USDT', billing: person('Caio', '(11) 92222-3333') });
    const infinite = store.addOrder({ status: 'processing', billing: person('Bia', '(11) 93333-4444') });
    store.corrupt(infinite.id, { total: '1e999' });
    const metaScalar = store.addOrder({ status: 'processing', billing: person('Leo', '(11) 94444-5555') });
    store.corrupt(metaScalar.id, { meta_data: 5 });
    const emoji = store.addOrder({ status: 'completed', billing: person('Davi', '(11) 95555-6666') });
    store.addTrackingItem(emoji.id, { provider: 'Jadlog', number: '😀 abc' });

    const first = await call('woocommerce.syncNow', {});
    expect(first.seen).toBe(3);
    const refusedKeys = Object.fromEntries(first.refused.map((r) => [r.externalId, r.issues.map((i) => `${i.path}:${i.key}`)]));
    expect(refusedKeys).toEqual({
      [usdt.id]: ['currency:validation.currency'],
      [infinite.id]: ['total:validation.amount'],
      [metaScalar.id]: ['meta_data:validation.list'],
      [emoji.id]: expect.arrayContaining([expect.stringMatching(/^shipments\.0\.(id|trackingNumber):validation\./)]),
    });

    const listed = await call('orders.listRefused', {});
    expect(listed.total).toBe(4);
    expect(listed.rows.find((r) => r.externalId === String(infinite.id))?.excerpt).toEqual([{ path: 'total', value: '"1e999"' }]);
    expect(listed.rows.find((r) => r.externalId === String(usdt.id))).toMatchObject({ source: 'woocommerce', number: String(usdt.id), times: 1 });

    // The good ones reach the customers through the dispatcher and the Sandbox.
    await call('dispatch.sendNow', {});
    const emulator = await core.context().meta.sandbox();
    for (const number of [good.number, '5002', refundReasonAsNumber.number]) {
      await waitFor(`a message about #${number}`, () => emulator!.control.sent().find((m) => m.rendered.includes(`#${number}`)));
    }
    const sent = emulator!.control.sent();
    for (const bad of [usdt, infinite, metaScalar, emoji]) expect(sent.some((m) => m.rendered.includes(`#${bad.number}`))).toBe(false);
    expect(sent.some((m) => /∞|NaN|Infinity|USDT/.test(m.rendered))).toBe(false);

    // The next poll works: a change is read, the order fixed at the store leaves the refused list.
    store.now += 60_000;
    store.setStatus(good.id, 'completed');
    store.update(usdt.id, (o) => void (o.currency = 'BRL'));
    const second = await call('woocommerce.syncNow', {});
    expect(second.refused.map((r) => r.externalId).sort()).toEqual([String(infinite.id), String(metaScalar.id), String(emoji.id)].sort());
    expect(second.events).toBeGreaterThan(0);
    const after = await call('orders.listRefused', {});
    expect(after.rows.map((r) => r.externalId)).not.toContain(String(usdt.id));
    // Refused orders read again count up (sendNow's poll and the cursor's one-second overlap bring them back).
    const timesOf = (page: RefusedOrderPage, id: number) => page.rows.find((r) => r.externalId === String(id))?.times ?? 0;
    expect(timesOf(after, infinite.id)).toBeGreaterThan(1);

    // The signed push: a refused order is acknowledged (200) and recorded, never a 5xx.
    const port = core.webhook.port();
    for (const order of [infinite, metaScalar, emoji, good]) {
      const delivery = store.webhookDelivery(order.id, 'order.updated', SECRET);
      const res = await fetch(`http://127.0.0.1:${port}/webhook/woocommerce`, { method: 'POST', body: delivery.body, headers: delivery.headers });
      expect(res.status, `push of ${order.id}`).toBe(200);
      const body = (await res.json()) as { refused?: boolean };
      expect(body.refused === true, `push of ${order.id}`).toBe(order !== good);
    }
    const finalList = await call('orders.listRefused', {});
    expect(timesOf(finalList, metaScalar.id)).toBe(timesOf(after, metaScalar.id) + 1);

    // The owner dismisses one; it stays away until the store sends it again.
    expect(await call('orders.dismissRefused', { source: 'woocommerce', externalId: String(emoji.id) })).toEqual({ dismissed: true, total: 2 });
  }, 90_000);
});
