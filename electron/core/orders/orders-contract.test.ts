import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import { tempCores } from '../testing/temp-cores';

const cores = tempCores();

let t = Date.UTC(2026, 10, 23, 15, 0, 0);
const clock = { now: () => t, setTimeout: () => ({ cancel() {} }) };
const value = <T>(answer: Envelope<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message} ${JSON.stringify(answer.error.details)}`);
  return answer.value;
};

describe('orders through the contract', () => {
  it('creates, lists, ships, delivers, refunds and cancels a local order; each event once', async () => {
    const { core } = cores.open({ clock });
    type Detail = { id: number; events: { event: string }[]; shipments: { id: string }[]; status: string };
    const call = async (name: string, input: unknown) => value((await core.invoke(name, input)) as Envelope<Detail>);

    const bad = await core.invoke('orders.create', { number: '1', customerName: 'Ana', phone: '(11) 1234', totalMinor: 100 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'phone', key: 'validation.phone.too_short' }] } } });

    const created = await call('orders.create', { number: 'A-1', customerName: 'Ana Lima', phone: '(11) 98765-4321', totalMinor: 10000 });
    expect(created).toMatchObject({ status: 'pending', phoneE164: '+5511987654321', editable: true, events: [{ event: 'order_placed' }] });
    expect(await core.invoke('orders.create', { number: 'A-1', customerName: 'X', phone: '', totalMinor: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const { id } = created;
    t += 1000;
    await call('orders.changeStatus', { id, status: 'processing' });
    const shipped = await call('orders.addShipment', { id, carrier: 'Correios', trackingNumber: 'AA123456785BR' });
    await call('orders.markDelivered', { id, shipmentId: shipped.shipments[0]?.id });
    await call('orders.refund', { id, amountMinor: 2500, reason: 'Avaria' });
    expect(await core.invoke('orders.refund', { id, amountMinor: 9000 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('orders.changeStatus', { id, status: 'processing' });
    const final = await call('orders.cancel', { id, reason: 'Cliente desistiu' });
    expect(final.events.map((e) => e.event)).toEqual([
      'order_placed', 'order_processing', 'shipment_created', 'shipment_delivered', 'refund_issued', 'order_cancelled',
    ]);
    const page = value((await core.invoke('orders.list', { search: 'ana', pageSize: 10 })) as Envelope<{ total: number }>);
    expect(page.total).toBe(1);
  });

  it('says how much of an order was refunded (refundedMinor), in the detail and in the list', async () => {
    const { core } = cores.open({ clock });
    type View = { id: number; refundedMinor: number; status: string; currency: string };
    const call = async <T>(name: string, input: unknown) => value((await core.invoke(name, input)) as Envelope<T>);
    const created = await call<View>('orders.create', { number: 'R-1', customerName: 'Bia', phone: '', totalMinor: 10000, currency: 'USD' });
    expect(created.refundedMinor).toBe(0);
    expect((await call<View>('orders.refund', { id: created.id, amountMinor: 2500 })).refundedMinor).toBe(2500);
    const partly = await call<View>('orders.refund', { id: created.id, amountMinor: 1499 });
    expect(partly).toMatchObject({ refundedMinor: 3999, status: 'pending', currency: 'USD' });
    // Over what is left: refused, and the sum stays as it was.
    expect(await core.invoke('orders.refund', { id: created.id, amountMinor: 6002 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await call<View>('orders.get', { id: created.id })).refundedMinor).toBe(3999);
    const whole = await call<View>('orders.refund', { id: created.id, amountMinor: 6001 });
    expect(whole).toMatchObject({ refundedMinor: 10000, status: 'refunded' });
    const page = await call<{ rows: View[] }>('orders.list', { search: 'R-1', pageSize: 10 });
    expect(page.rows.map((r) => r.refundedMinor)).toEqual([10000]);
  });

  it('shows the endpoint secret once, then only masked; regenerating shows the new one once', async () => {
    const { core, logLines } = cores.open({ clock });
    type Info = { set: boolean; last4: string; secret: string | null };
    const first = value((await core.invoke('endpoint.info', {})) as Envelope<Info>);
    expect(first.secret).toMatch(/^rec_[\w-]{40,}$/);
    const again = value((await core.invoke('endpoint.info', {})) as Envelope<Info>);
    expect(again).toMatchObject({ set: true, secret: null, last4: first.secret?.slice(-4) });
    const fresh = value((await core.invoke('endpoint.regenerateSecret', {})) as Envelope<Info>);
    expect(fresh.secret).not.toBe(first.secret);
    expect(logLines.join('\n')).not.toContain(fresh.secret);
  });

  it('saves WooCommerce settings with secrets masked, refuses plain HTTP, tests the connection', async () => {
    const { core } = cores.open({ clock });
    expect(await core.invoke('woocommerce.saveSettings', { storeUrl: 'http://loja.example.com.br' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'storeUrl', key: 'validation.storeUrlHttps' }] } },
    });
    expect(await core.invoke('woocommerce.testConnection', {})).toMatchObject({ ok: true, value: { ok: false, code: 'not_configured' } });
    const saved = value(
      (await core.invoke('woocommerce.saveSettings', { storeUrl: 'https://loja.example.com.br', consumerKey: 'ck_abcdef123456', consumerSecret: 'cs_abcdef987654' })) as Envelope<Record<string, unknown>>,
    );
    expect(saved).toMatchObject({ storeUrl: 'https://loja.example.com.br', consumerKey: { set: true, last4: '3456' }, consumerSecret: { set: true, last4: '7654' } });
    expect(JSON.stringify(saved)).not.toContain('cs_abcdef987654');
  });
});
