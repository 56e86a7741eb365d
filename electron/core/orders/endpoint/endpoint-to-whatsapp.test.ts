import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPATCH_SETTINGS } from '../../../../shared/settings/dispatch';
import { DEMO } from '../../sandbox/demo-world';
import { tempCores } from '../../testing/temp-cores';
import { signOrderEvent } from './order-endpoint';
import { waitFor } from '../../testing/wait-for';

const cores = tempCores();

describe('signed order endpoint, end to end', () => {
  it('an ERP event becomes a WhatsApp message: endpoint → ledger → dispatcher → Sandbox, logged as sent', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    await core.invoke('dispatch.saveSettings', { ...DEFAULT_DISPATCH_SETTINGS, minDelaySeconds: 0, maxDelaySeconds: 0 });
    await core.startServices({ webhookPort: 0 });
    const info = await core.invoke('endpoint.regenerateSecret', {});
    if (!info.ok) throw new Error('no endpoint secret');
    const secret = (info.value as { secret: string }).secret;

    const body = JSON.stringify({
      eventId: 'erp-7001-placed',
      event: 'order_placed',
      occurredAt: new Date().toISOString(),
      order: { number: '7001', customerName: 'Maria Souza', phone: DEMO.customers.maria.dial, total: '189.90' },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const port = core.webhook.port();
    const response = await fetch(`http://127.0.0.1:${port}/orders/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recado-timestamp': timestamp, 'x-recado-signature': signOrderEvent(secret, timestamp, body) },
      body,
    });
    expect(response.status).toBe(200);

    await core.invoke('dispatch.sendNow', {});
    const emulator = await core.context().meta.sandbox();
    const sent = await waitFor('the message at the Sandbox', () => emulator!.control.sent().find((m) => m.rendered.includes('#7001')));
    expect(sent).toMatchObject({ type: 'template', template: { name: 'pedido_confirmado' } });
    expect(sent.rendered).toContain('Maria');

    // The webhook brings Meta's receipts back: the log row moves on from `sending`.
    const row = await waitFor('the log row, confirmed', async () => {
      const page = await core.invoke('log.query', { filters: { search: '7001' } });
      const rows = page.ok ? (page.value as { rows: { status: string; type: string }[] }).rows : [];
      return rows.find((r) => ['sent', 'delivered', 'read'].includes(r.status));
    });
    expect(row.type).toBe('order_placed');
  });
});
