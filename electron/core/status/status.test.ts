import { afterEach, describe, expect, it } from 'vitest';
import type { StatusOverview } from '../../../shared/contract/methods/status';
import type { TokenCheck } from '../../../shared/contract/methods/credentials';
import { DEMO } from '../sandbox/demo-world';
import { makeTempDir, openTempCore } from '../testing/temp-core';
import { costThisMonth, messageStats } from './stats';
import { DEFAULT_COST_RATES } from '../../../shared/settings/costs';

let temp: ReturnType<typeof makeTempDir>;
afterEach(() => temp?.remove());

const value = <T>(answer: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
};

describe('status', () => {
  it('in Sandbox mode, shows the demo number connected', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    const overview = value<StatusOverview>(await core.dispatch('status.overview', {}));
    expect(overview.mode).toBe('sandbox');
    expect(overview.api).toMatchObject({ state: 'connected', phoneNumberId: DEMO.phoneNumberId, apiVersion: 'v23.0', problem: null });
    expect(overview.api?.displayPhoneNumber).toBeTruthy();
    expect(overview.daily).toHaveLength(30);
    await core.close();
  });

  it('explains an expired token in words the screen can translate, with Meta’s own text kept', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    const emulator = await core.context().meta.sandbox();
    emulator!.control.expireToken(DEMO.accessToken);
    const check = value<StatusOverview['api']>(await core.dispatch('status.checkApi', {}));
    expect(check).toMatchObject({ state: 'error', problem: { problem: 'token_expired', code: 190 } });
    expect(check?.problem?.title).toBeTruthy();
    await core.close();
  });

  it('says "not configured" in live mode until the number and the token are saved', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'live' });
    const check = value<StatusOverview['api']>(await core.dispatch('status.checkApi', {}));
    expect(check).toMatchObject({ state: 'not_configured', problem: { problem: 'not_configured' } });
    await core.close();
  });

  it('counts today, the last 30 days and this month’s billable messages by category', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'live' });
    const db = core.context().db;
    const now = Date.now();
    const insert = db.$client.prepare(
      `INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at, pricing_category, pricing_billable, pricing_type)
       VALUES (?, '+5511987654321', 'order_placed', ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('1', 'read', now, now, 'utility', 1, 'regular');
    insert.run('2', 'delivered', now, now, 'utility', 1, 'regular');
    insert.run('3', 'failed', now, now, null, null, null);
    insert.run('4', 'queued', now, now, null, null, null);
    insert.run('5', 'read', now, now, 'service', 0, 'free_customer_service');
    insert.run('6', 'read', now - 40 * 86_400_000, now, 'marketing', 1, 'regular');
    const stats = messageStats(db, now, DEFAULT_COST_RATES);
    expect(stats.today).toEqual({ total: 5, sent: 0, delivered: 1, read: 2, failed: 1 });
    expect(stats.queue.pending).toBe(1);
    expect(stats.daily.at(-1)?.counts).toMatchObject({ read: 2, delivered: 1, failed: 1, queued: 1 });
    expect(stats.daily.reduce((n, d) => n + Object.values(d.counts).reduce((a, b) => a + (b ?? 0), 0), 0)).toBe(5);
    const cost = costThisMonth(db, now, { ...DEFAULT_COST_RATES, utility: 0.05 });
    expect(cost.byCategory).toEqual([{ category: 'utility', billable: 2, rate: 0.05, estimate: 0.1 }]);
    expect(cost.total).toBe(0.1);
    await core.close();
  });

  it('"Test connection" tells a permanent System User token apart', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir, { mode: 'sandbox' });
    const result = value<TokenCheck>(await core.dispatch('credentials.test', {}));
    expect(result.api.state).toBe('connected');
    expect(result.token).toMatchObject({ kind: 'permanent', missingScopes: [] });
    await core.close();
  });

  it('refuses a negative cost rate', async () => {
    temp = makeTempDir();
    const { core } = openTempCore(temp.dir);
    await expect(core.dispatch('status.saveCostRates', { ...DEFAULT_COST_RATES, utility: -1 })).resolves.toMatchObject({ ok: false });
    await expect(core.dispatch('status.saveCostRates', { ...DEFAULT_COST_RATES, utility: 0.07 })).resolves.toMatchObject({ ok: true });
    await core.close();
  });
});
