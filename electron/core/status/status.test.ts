import { describe, expect, it } from 'vitest';
import type { StatusOverview } from '../../../shared/contract/methods/status';
import type { TokenCheck } from '../../../shared/contract/methods/credentials';
import type { DispatchState } from '../../../shared/contract/methods/dispatch';
import type { LogCounters } from '../../../shared/contract/methods/log';
import { DEMO } from '../sandbox/demo-world';
import { tempCores } from '../testing/temp-cores';
import { chartBounds, costThisMonth, messageStats } from './stats';
import { messageCounts } from '../../../shared/domain/message-counts';
import type { NotificationStatus } from '../../../shared/domain/notification-status';
import { DEFAULT_COST_RATES } from '../../../shared/settings/costs';

const cores = tempCores();

const value = <T>(answer: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
};

describe('status', () => {
  it('in Sandbox mode, shows the demo number connected', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    const overview = value<StatusOverview>(await core.invoke('status.overview', {}));
    expect(overview.mode).toBe('sandbox');
    expect(overview.api).toMatchObject({ state: 'connected', phoneNumberId: DEMO.phoneNumberId, apiVersion: 'v27.0', problem: null });
    expect(overview.api?.displayPhoneNumber).toBeTruthy();
    expect(overview.daily).toHaveLength(30);
  });

  it('explains an expired token in words the screen can translate, with Meta’s own text kept', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    const emulator = await core.context().meta.sandbox();
    emulator!.control.expireToken(DEMO.accessToken);
    const check = value<StatusOverview['api']>(await core.invoke('status.checkApi', {}));
    expect(check).toMatchObject({ state: 'error', problem: { problem: 'token_expired', code: 190 } });
    expect(check?.problem?.title).toBeTruthy();
  });

  it('says "not configured" in live mode until the number and the token are saved', async () => {
    const { core } = cores.open({ mode: 'live' });
    const check = value<StatusOverview['api']>(await core.invoke('status.checkApi', {}));
    expect(check).toMatchObject({ state: 'not_configured', problem: { problem: 'not_configured' } });
  });

  it('counts today, the last 30 days and this month’s billable messages by category', async () => {
    const { core } = cores.open({ mode: 'live' });
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
    // A read message was delivered: 3 delivered, 2 of them read.
    expect(stats.today).toMatchObject({ total: 5, sent: 3, delivered: 3, read: 2, failed: 1, pending: 1 });
    expect(stats.queue.pending).toBe(1);
    expect(stats.daily.at(-1)?.counts).toEqual(stats.today);
    expect(stats.daily.reduce((n, d) => n + d.counts.total, 0)).toBe(5);
    const cost = costThisMonth(db, now, { ...DEFAULT_COST_RATES, rates: { ...DEFAULT_COST_RATES.rates, BR: { ...DEFAULT_COST_RATES.rates.BR, utility: 0.05 } } });
    expect(cost.byCategory).toEqual([
      { region: 'BR', category: 'service', billable: 0, free: 1, rate: 0, estimate: 0 },
      { region: 'BR', category: 'utility', billable: 2, free: 0, rate: 0.05, estimate: 0.1 },
    ]);
    expect(cost.total).toBe(0.1);
  });

  it('estimates the month from the stored receipts: country by phone, free types, the 2026-10-01 rule, the owner’s conversion', async () => {
    const { core } = cores.open({ mode: 'live' });
    const db = core.context().db;
    const insert = db.$client.prepare(
      `INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at, sent_at, pricing_category, pricing_billable, pricing_type)
       VALUES (?, ?, 'order_placed', 'delivered', ?, ?, ?, ?, ?, ?)`,
    );
    const row = (n: number, at: number, phone: string, category: string, billable: number | null, type: string | null) => insert.run(String(n), phone, at, at, at, category, billable, type);
    const september = new Date(2026, 8, 20, 12).getTime();
    const november = new Date(2026, 10, 20, 12).getTime();
    let n = 0;
    for (const at of [september, november]) {
      row(++n, at, '+5511987654321', 'utility', 1, 'regular');
      // Inside the customer-service window, receipt without `billable`: free before 2026-10-01, charged since.
      row(++n, at, '+5511987654322', 'utility', null, 'free_customer_service');
      row(++n, at, '+5511987654323', 'marketing', 0, 'free_entry_point');
      row(++n, at, '+351912345678', 'utility', 1, 'regular');
    }
    const rates = {
      currency: 'USD' as const,
      rates: { BR: { ...DEFAULT_COST_RATES.rates.BR }, other: { ...DEFAULT_COST_RATES.rates.other, utility: 0.02 } },
      brlPerUsd: 5,
    };
    const sept = costThisMonth(db, september, rates);
    expect(sept.byCategory).toEqual([
      { region: 'BR', category: 'marketing', billable: 0, free: 1, rate: 0.0625, estimate: 0 },
      { region: 'BR', category: 'utility', billable: 1, free: 1, rate: 0.0068, estimate: 0.0068 },
      { region: 'other', category: 'utility', billable: 1, free: 0, rate: 0.02, estimate: 0.02 },
    ]);
    expect(sept).toMatchObject({ month: '2026-09', total: 0.0268, currency: 'USD', converted: { currency: 'BRL', brlPerUsd: 5, total: 0.13 } });
    const nov = costThisMonth(db, november, rates);
    expect(nov.byCategory.find((r) => r.region === 'BR' && r.category === 'utility')).toEqual({ region: 'BR', category: 'utility', billable: 2, free: 0, rate: 0.0068, estimate: 0.0136 });
    expect(nov.total).toBe(0.0336);
  });

  it('Status, the log counters, the chart and the dispatcher agree on every number for a mix of rows', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    const db = core.context().db;
    const now = Date.now();
    const insert = db.$client.prepare(
      `INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at) VALUES (?, '+5511987654321', 'order_placed', ?, ?, ?)`,
    );
    // Today: 2 sent, 3 delivered, 3 read, 1 failed, 3 queued, 1 sending, 1 skipped, 1 unconfirmed.
    const today: [string, number][] = [['sent', 2], ['delivered', 3], ['read', 3], ['failed', 1], ['queued', 3], ['sending', 1], ['skipped', 1], ['unconfirmed', 1]];
    let n = 0;
    for (const [status, count] of today) for (let i = 0; i < count; i++) insert.run(String(++n), status, now - i, now);
    // Three days ago: 2 read, 1 delivered.
    for (const status of ['read', 'read', 'delivered']) insert.run(String(++n), status, now - 3 * 86_400_000, now);
    // A status change after insert moves the log's summary too (triggers): one delivered becomes read.
    db.$client.prepare("UPDATE notifications SET status = 'read' WHERE order_number = '3'").run();

    const overview = value<StatusOverview>(await core.invoke('status.overview', {}));
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const logToday = value<LogCounters>(await core.invoke('log.counters', { filters: { from: midnight.getTime() } }));
    const logAll = value<LogCounters>(await core.invoke('log.counters', {}));
    const state = value<DispatchState>(await core.invoke('dispatch.state', {}));

    expect(overview.today).toEqual({ total: 15, pending: 4, sent: 8, delivered: 6, read: 4, failed: 1, unconfirmed: 1, skipped: 1 });
    expect(logToday).toEqual(overview.today);
    expect(overview.daily.at(-1)?.counts).toEqual(overview.today);
    // Every day of the chart is the log's counters for that day; their sum is the log's total.
    const chartSum = (key: keyof LogCounters) => overview.daily.reduce((sum, d) => sum + d.counts[key], 0);
    for (const key of Object.keys(logAll) as (keyof LogCounters)[]) expect(chartSum(key)).toBe(logAll[key]);
    expect(logAll.delivered).toBe(9);
    // "Pendentes" is one number: Status's queue, the log, the dispatcher (and the tray) say 4.
    expect(overview.queue.pending).toBe(4);
    expect(logAll.pending).toBe(4);
    expect(state.queueSize).toBe(4);
  });

  it('the chart reads each local day from the daily summary, exact at São Paulo’s midnights', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Sao_Paulo';
    const { core } = cores.open({ mode: 'live' });
    try {
      const db = core.context().db;
      const now = Date.UTC(2026, 4, 20, 15);
      const insert = db.$client.prepare(
        `INSERT INTO notifications (order_number, phone, type, status, created_at, updated_at) VALUES (?, '+5511987654321', ?, ?, ?, ?)`,
      );
      // Rows on both sides of local midnight (03:00 UTC) and of UTC midnight, over the whole chart.
      let n = 0;
      const statuses = ['read', 'failed', 'queued', 'delivered', 'skipped'] as const;
      for (let day = 0; day < 33; day++) {
        const utcMidnight = Date.UTC(2026, 3, 19 + day);
        for (const at of [utcMidnight - 1, utcMidnight, utcMidnight + 3 * 3_600_000 - 1, utcMidnight + 3 * 3_600_000, utcMidnight + 12 * 3_600_000]) {
          insert.run(String(++n), n % 2 ? 'order_placed' : 'shipment_created', statuses[n % statuses.length], at, at);
        }
      }
      const plain = (from: number, to: number) =>
        db.$client.prepare('SELECT status, count(*) AS n FROM notifications WHERE created_at >= ? AND created_at < ? GROUP BY status').all(from, to) as { status: NotificationStatus; n: number }[];
      const bounds = chartBounds(now);
      const expected = bounds.slice(0, -1).map((from, i) => messageCounts(Object.fromEntries(plain(from, bounds[i + 1]!).map((r) => [r.status, r.n]))));
      const stats = messageStats(db, now, DEFAULT_COST_RATES);
      expect(stats.daily.map((d) => d.day)[0]).toBe('2026-04-21');
      expect(stats.daily.map((d) => d.counts)).toEqual(expected);
      expect(stats.daily.every((d) => d.counts.total === 5)).toBe(true);

      // The summary table is what the bars read: a count added to it for UTC 10 May shows on the 10th's bar.
      db.$client
        .prepare("INSERT INTO notification_daily_counts (day, type, status, n) VALUES (?, 'order_placed', 'read', 100) ON CONFLICT DO UPDATE SET n = n + 100")
        .run(Date.UTC(2026, 4, 10) / 86_400_000);
      const after = messageStats(db, now, DEFAULT_COST_RATES).daily.find((d) => d.day === '2026-05-10');
      expect(after?.counts.read).toBe(expected[bounds.findIndex((b) => b === Date.UTC(2026, 4, 10, 3))]!.read + 100);
    } finally {
      await core.close();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('"Test connection" tells a permanent System User token apart', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    const result = value<TokenCheck>(await core.invoke('credentials.test', {}));
    expect(result.api.state).toBe('connected');
    expect(result.token).toMatchObject({ kind: 'permanent', missingScopes: [] });
  });

  it('refuses a negative cost rate', async () => {
    const { core } = cores.open();
    const withBrazil = (utility: number) => ({ ...DEFAULT_COST_RATES, rates: { ...DEFAULT_COST_RATES.rates, BR: { ...DEFAULT_COST_RATES.rates.BR, utility } } });
    await expect(core.invoke('status.saveCostRates', withBrazil(-1))).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ path: 'rates.BR.utility', key: 'validation.costRate' }] } },
    });
    await expect(core.invoke('status.saveCostRates', { ...withBrazil(0.07), brlPerUsd: 0 })).resolves.toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'brlPerUsd', key: 'validation.conversionRate' }] } },
    });
    await expect(core.invoke('status.saveCostRates', { ...withBrazil(0.07), brlPerUsd: 5.43 })).resolves.toMatchObject({ ok: true });
    await expect(core.invoke('status.getCostRates', {})).resolves.toMatchObject({ ok: true, value: { rates: { BR: { utility: 0.07 } }, brlPerUsd: 5.43 } });
  });
});
