import { describe, expect, it } from 'vitest';
import type { LogDetail } from '../../../shared/contract/methods/log';
import type { StatusOverview } from '../../../shared/contract/methods/status';
import { DEFAULT_DISPATCH_SETTINGS } from '../../../shared/settings/dispatch';
import { signOrderEvent } from '../orders/endpoint/order-endpoint';
import { DEMO } from '../sandbox/demo-world';
import { tempCores } from '../testing/temp-cores';
import { waitFor } from '../testing/wait-for';

const cores = tempCores();

describe('cost estimate from the Sandbox’s receipts', () => {
  it('two utility order notices, one inside the customer-service window, are both charged since 2026-10-01 and priced on Status', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    await core.invoke('dispatch.saveSettings', { ...DEFAULT_DISPATCH_SETTINGS, minDelaySeconds: 0, maxDelaySeconds: 0 });
    await core.invoke('status.saveCostRates', {
      currency: 'USD',
      rates: {
        BR: { marketing: 0.0625, utility: 0.0068, authentication: 0.0068, 'authentication-international': 0.0068, service: 0 },
        other: { marketing: 0.0625, utility: 0.02, authentication: 0.0068, 'authentication-international': 0.0068, service: 0 },
      },
      brlPerUsd: 5,
    });
    await core.startServices({ webhookPort: 0 });
    const emulator = (await core.context().meta.sandbox())!;
    // Maria wrote to the shop a moment ago: her 24 h customer-service window is open.
    emulator.control.setWindow({ waId: DEMO.customers.maria.waId, open: true });
    const info = await core.invoke('endpoint.regenerateSecret', {});
    if (!info.ok) throw new Error('no endpoint secret');
    const secret = (info.value as { secret: string }).secret;
    for (const [number, customer] of [['8001', DEMO.customers.maria], ['8002', DEMO.customers.joao]] as const) {
      const body = JSON.stringify({
        eventId: `erp-${number}-placed`,
        event: 'order_placed',
        occurredAt: new Date().toISOString(),
        order: { number, customerName: customer.name, phone: customer.dial, total: '50.00' },
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(`http://127.0.0.1:${core.webhook.port()}/orders/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-recado-timestamp': timestamp, 'x-recado-signature': signOrderEvent(secret, timestamp, body) },
        body,
      });
      expect(response.status).toBe(200);
    }
    await core.invoke('dispatch.sendNow', {});

    // Each receipt's `pricing` is stored on its notification: the Sandbox sends Meta's 2026 object.
    const details = await waitFor('both receipts priced', async () => {
      const page = await core.invoke('log.query', { filters: {} });
      const rows = page.ok ? (page.value as { rows: { id: number }[] }).rows : [];
      const found = await Promise.all(rows.map(async (r) => (await core.invoke('log.get', { id: r.id })) as { ok: boolean; value?: LogDetail }));
      const priced = found.flatMap((f) => (f.ok && f.value?.pricing.category ? [f.value] : []));
      return priced.length === 2 ? priced : null;
    });
    for (const detail of details) {
      expect(detail.pricing).toEqual({ category: 'utility', billable: true, model: 'PMP', type: 'regular', charge: 'charged' });
    }

    const overview = (await core.invoke('status.overview', {})) as { ok: boolean; value: StatusOverview };
    expect(overview.value.cost.byCategory).toEqual([{ region: 'BR', category: 'utility', billable: 2, free: 0, rate: 0.0068, estimate: 0.0136 }]);
    expect(overview.value.cost).toMatchObject({ total: 0.0136, currency: 'USD', converted: { currency: 'BRL', brlPerUsd: 5, total: 0.07 } });
  });
});
