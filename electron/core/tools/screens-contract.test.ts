import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import type { BlacklistPage } from '../../../shared/contract/methods/blacklist';
import type { LogCsvPage, LogDetail, LogPage } from '../../../shared/contract/methods/log';
import type { ToolsAccountInfo } from '../../../shared/contract/methods/tools';
import type { CallbackRegistration } from '../../../shared/contract/methods/tunnel';
import { DEMO } from '../sandbox/demo-world';
import { tempCores } from '../testing/temp-cores';

const cores = tempCores();

const value = <T>(answer: Envelope<unknown>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message} ${JSON.stringify(answer.error.details)}`);
  return answer.value as T;
};

describe('screen methods through the contract (Sandbox mode)', () => {
  it('blacklist: add normalizes and refuses twins, search, remove', async () => {
    const { core } = cores.open();
    const bad = await core.invoke('blacklist.add', { phone: '(11) 1234', reason: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'phone', key: 'validation.phone.too_short' }] } } });
    const added = value<{ phone: string; source: string }>(await core.invoke('blacklist.add', { phone: '(11) 98765-4321', reason: 'Cliente pediu' }));
    expect(added).toMatchObject({ phone: '+5511987654321', source: 'manual' });
    // The same number without the 9th digit is the same customer.
    expect(await core.invoke('blacklist.add', { phone: '11 8765-4321', reason: 'de novo' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    value(await core.invoke('blacklist.add', { phone: '+55 21 99988-7766', reason: 'Não é WhatsApp' }));
    const found = value<BlacklistPage>(await core.invoke('blacklist.list', { search: '99988' }));
    expect(found).toMatchObject({ total: 1, count: 2, rows: [{ phone: '+5521999887766' }] });
    expect(value<BlacklistPage>(await core.invoke('blacklist.list', { search: 'pediu' })).rows.map((r) => r.phone)).toEqual(['+5511987654321']);
    value(await core.invoke('blacklist.remove', { phone: '+5511987654321' }));
    expect(await core.invoke('blacklist.remove', { phone: '+5511987654321' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value<BlacklistPage>(await core.invoke('blacklist.list', {})).count).toBe(1);
  });

  it('log: query, counters, detail and a paged CSV export agree', async () => {
    const { core } = cores.open();
    const db = core.context().db.$client;
    const insert = db.prepare(
      `INSERT INTO notifications (order_number, phone, type, status, tracking, created_at, updated_at, wamid, error, error_code, error_title, error_details, pricing_category, pricing_billable)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const t0 = Date.UTC(2026, 4, 28, 17, 0);
    for (let i = 0; i < 7; i++) {
      const failed = i === 3;
      insert.run(`1024${i}`, `+55119876543${i}0`, i % 2 ? 'shipment_created' : 'order_placed', failed ? 'failed' : i % 3 ? 'read' : 'delivered', 'QR1;"2"', t0 + i * 60_000, t0, `wamid.${i}`,
        failed ? '131026 Message undeliverable' : null, failed ? 131026 : null, failed ? 'Message undeliverable' : null, failed ? 'Not on WhatsApp' : null, 'utility', 1);
    }
    const page = value<LogPage>(await core.invoke('log.query', { filters: { type: 'shipment_created' }, pageSize: 2 }));
    expect(page).toMatchObject({ total: 3, rows: [{ orderNumber: '10245' }, { orderNumber: '10243' }] });
    expect(value(await core.invoke('log.counters', { filters: {} }))).toEqual({ total: 7, pending: 0, sent: 6, delivered: 6, read: 4, failed: 1, unconfirmed: 0, skipped: 0 });
    const detail = value<LogDetail>(await core.invoke('log.get', { id: 4 }));
    expect(detail).toMatchObject({ status: 'failed', wamid: 'wamid.3', errorDetail: { code: 131026, title: 'Message undeliverable', details: 'Not on WhatsApp' }, pricing: { category: 'utility', billable: true } });
    expect(await core.invoke('log.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const pages: string[] = [];
    let after: LogCsvPage['nextCursor'] = null;
    let first: LogCsvPage | null = null;
    do {
      const chunk: LogCsvPage = value<LogCsvPage>(await core.invoke('log.exportCsv', { filters: {}, after, pageSize: 3, timeZone: 'America/Sao_Paulo' }));
      first ??= chunk;
      pages.push(chunk.csv);
      after = chunk.nextCursor;
    } while (after);
    expect(first?.total).toBe(7);
    const lines = pages.join('').trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('id;orderNumber;phone;type;status;reason;tracking;createdAt;sentAt;deliveredAt;readAt;error;wamid;typeCode;statusCode;reasonCode');
    expect(lines[1]).toContain('10246;+551198765436');
    expect(lines[1]).toContain('"QR1;""2"""');
    expect(lines[1]).toContain('28/05/2026 14:06:00');
  });

  it('webhook verify token: only on reveal, regenerate replaces it', async () => {
    const { core, logLines } = cores.open();
    await core.startServices({ webhookPort: 0 });
    const { verifyToken } = value<{ verifyToken: string }>(await core.invoke('webhook.revealVerifyToken', {}));
    expect(verifyToken).toMatch(/^[\w-]{20,}$/);
    for (const method of ['webhook.status', 'webhook.getSettings', 'tunnel.status', 'tunnel.getSettings'] as const) {
      expect(JSON.stringify(await core.invoke(method, {}))).not.toContain(verifyToken);
    }
    const fresh = value<{ verifyToken: string }>(await core.invoke('webhook.regenerateVerifyToken', {}));
    expect(fresh.verifyToken).not.toBe(verifyToken);
    expect(value<{ verifyToken: string }>(await core.invoke('webhook.revealVerifyToken', {})).verifyToken).toBe(fresh.verifyToken);
    // The Sandbox's "Meta" verified the local URL with the new token: registering works.
    expect(value<CallbackRegistration>(await core.invoke('tools.updateWebhook', {}))).toMatchObject({ state: 'registered' });
    expect(logLines.join('\n')).not.toContain(fresh.verifyToken);
  });

  it('tools: account information of the demo account, phone registration with a PIN', async () => {
    const { core } = cores.open();
    await core.startServices({ webhookPort: 0 });
    const info = value<ToolsAccountInfo>(await core.invoke('tools.accountInfo', {}));
    expect(info).toMatchObject({ mode: 'sandbox', account: { phoneNumberId: DEMO.phoneNumberId }, phone: { ok: true, data: { id: DEMO.phoneNumberId } }, token: { ok: true, data: { isValid: true, permanent: true } } });
    expect(info.phoneNumbers.ok && info.phoneNumbers.data.length).toBeGreaterThan(0);
    expect(info.expectedCallbackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/whatsapp$/);
    expect(await core.invoke('tools.registerPhone', { pin: '12a' })).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ key: 'validation.pin' }] } } });
    const registered = await core.invoke('tools.registerPhone', { pin: '123456' });
    // The emulator either accepts or refuses like Meta; a refusal carries a reason the screen explains.
    if (!registered.ok) expect(registered.error.details).toMatchObject({ key: expect.stringMatching(/^tools\.reason\./) });
  });
});
