import { describe, expect, it } from 'vitest';
import type { LogDetail, LogPage } from '../../../shared/contract/methods/log';
import type { MarketingHold } from '../../../shared/contract/methods/template-category';
import type { StatusOverview } from '../../../shared/contract/methods/status';
import type { TemplateSummary } from '../../../shared/contract/methods/templates';
import type { OrderEvent } from '../../../shared/domain/order-events';
import { DEFAULT_DISPATCH_SETTINGS } from '../../../shared/settings/dispatch';
import type { TemplatesSettings } from '../../../shared/settings/templates';
import type { Core } from '../create-core';
import { tempCores } from '../testing/temp-cores';
import { waitFor } from '../testing/wait-for';

const cores = tempCores();


async function call<T>(c: Core, method: string, input: unknown = {}): Promise<T> {
  const answer = await c.invoke(method as never, input as never);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** A distinct customer per order, so Meta's pair limit never makes one wait for another. */
const phone = (i: number) => `+55 11 98100-${String(1000 + i)}`;

interface Started {
  core: Core;
  baseUrl: string;
  notices: { titleKey: string; bodyKey: string; params: Record<string, unknown> }[];
  /** Asks the Sandbox's control API over loopback HTTP, as a test or Meta's dashboard would. */
  recategorise(name: string, category: string): Promise<void>;
  sentTemplates(): Promise<string[]>;
  /** Statuses of this event's notifications for the three placed orders (810–812). */
  statusesOf(event: OrderEvent): Promise<string[]>;
}

/** A Sandbox-mode core with its webhook server and dispatcher running (no delay between sends), templates synced. */
async function start(): Promise<Started> {
  const c = cores.open({ mode: 'sandbox' }).core;
  const notices: Started['notices'] = [];
  c.subscribe((name, payload) => {
    if (name === 'notify.desktop') notices.push(payload as Started['notices'][number]);
  });
  await call(c, 'dispatch.saveSettings', { ...DEFAULT_DISPATCH_SETTINGS, minDelaySeconds: 0, maxDelaySeconds: 0 });
  await c.startServices({ webhookPort: 0 });
  await call(c, 'templates.sync');
  const { baseUrl } = await call<{ baseUrl: string }>(c, 'sandbox.status');
  const emulator = await c.context().meta.sandbox();
  return {
    core: c,
    baseUrl,
    notices,
    async recategorise(name, category) {
      const response = await fetch(`${baseUrl}/_sandbox/templates/category`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, language: 'pt_BR', category }),
      });
      expect(response.status).toBe(200);
    },
    sentTemplates: async () => emulator!.control.sent().map((m) => m.template?.name ?? ''),
    async statusesOf(event) {
      const rows = c.context().db.$client.prepare("SELECT status FROM notifications WHERE type = ? AND order_number LIKE '81_' ORDER BY id").all(event) as { status: string }[];
      return rows.map((r) => r.status);
    },
  };
}

/** Each Message Log row of one event: its status and the reason the log gives. */
const logOf = async (c: Core, type: OrderEvent) =>
  (await call<LogPage>(c, 'log.query', { filters: { type }, page: 1, pageSize: 50 })).rows.map((r) => ({ id: r.id, status: r.status, reason: r.reason }));

const holdsOf = async (c: Core) => (await call<StatusOverview>(c, 'status.overview')).marketingHolds;

/** pedido_confirmado (order_placed) becomes MARKETING at Meta; three orders placed and one in processing. */
async function holdOrderPlaced(s: Started): Promise<MarketingHold> {
  await s.recategorise('pedido_confirmado', 'MARKETING');
  const [hold] = await waitFor('the held event on Status', async () => {
    const holds = await holdsOf(s.core);
    return holds.length > 0 && holds;
  });
  for (let i = 0; i < 3; i++) await call(s.core, 'orders.create', { number: `81${i}`, customerName: 'Maria Souza', phone: phone(i), totalMinor: 18990 });
  await call(s.core, 'orders.create', { number: '900', customerName: 'João Silva', phone: phone(9), totalMinor: 5000, status: 'processing' });
  await call(s.core, 'dispatch.sendNow');
  await waitFor('the other event sent', async () => (await s.sentTemplates()).includes('pedido_em_processamento'));
  await call(s.core, 'dispatch.sendNow');
  return hold!;
}

describe('template re-categorisation, end to end (Sandbox over loopback, signed webhook, real webhook server)', () => {
  it('holds the event whose template became MARKETING: queued, not failed; the others send; Status and a desktop notice say why; accepting marketing releases it', async () => {
    const s = await start();
    const hold = await holdOrderPlaced(s);

    expect(hold).toMatchObject({ event: 'order_placed', templateName: 'pedido_confirmado', language: 'pt_BR', category: 'MARKETING', previousCategory: 'UTILITY', held: true });
    // The held event's notifications stay queued (not failed, not skipped); nothing of it left.
    expect(await s.statusesOf('order_placed')).toEqual(['queued', 'queued', 'queued']);
    expect(await s.sentTemplates()).not.toContain('pedido_confirmado');
    const [now] = await holdsOf(s.core);
    expect(now?.queued).toBe(3);
    // The Message Log says why they wait (computed in the core, not stored); the sent event's row has no reason.
    const heldRows = (await logOf(s.core, 'order_placed')).filter((r) => r.status === 'queued');
    expect(heldRows.map(({ status, reason }) => ({ status, reason }))).toEqual(Array(3).fill({ status: 'queued', reason: 'held_marketing' }));
    // Order 900's own order_placed was skipped (it arrived already in processing): it keeps its reason.
    expect((await logOf(s.core, 'order_placed')).filter((r) => r.status !== 'queued').map((r) => r.reason)).not.toContain('held_marketing');
    expect((await call<LogDetail>(s.core, 'log.get', { id: heldRows[0]!.id })).reason).toBe('held_marketing');
    expect((await logOf(s.core, 'order_processing')).map((r) => r.reason)).toEqual([null]);
    // The CSV export gives the same reason as the screen (one rule, shared/domain/dispatch-reasons.ts).
    const exported = await call<{ csv: string }>(s.core, 'log.exportCsv', { filters: { type: 'order_placed', status: 'queued' }, after: null, pageSize: 50, timeZone: 'UTC', delimiter: ';' });
    expect(exported.csv.trim().split('\n').slice(1).map((line) => line.includes('held_marketing'))).toEqual([true, true, true]);
    expect(s.notices).toEqual([{ titleKey: 'notify.marketingHold.title', bodyKey: 'notify.marketingHold.order_placed', params: { template: 'pedido_confirmado', event: 'order_placed' } }]);

    const accepted = await call<MarketingHold[]>(s.core, 'templates.acceptMarketing', { event: 'order_placed', accept: true });
    expect(accepted).toEqual([expect.objectContaining({ event: 'order_placed', held: false, acceptedAt: expect.any(Number) })]);
    await waitFor('the held notifications sent', async () => (await s.sentTemplates()).filter((n) => n === 'pedido_confirmado').length === 3);
    expect((await s.statusesOf('order_placed')).filter((x) => x === 'queued' || x === 'failed' || x === 'skipped')).toEqual([]);
    expect((await logOf(s.core, 'order_placed')).map((r) => r.reason)).not.toContain('held_marketing');
  }, 60_000);

  it('re-mapping the event to another template releases its queue', async () => {
    const s = await start();
    await holdOrderPlaced(s);
    const settings = await call<TemplatesSettings>(s.core, 'templates.getSettings');
    // Any approved utility template will do: the processing one, with its own parameters.
    await call(s.core, 'templates.saveSettings', { ...settings, events: { ...settings.events, order_placed: settings.events.order_processing } });
    await waitFor('the held notifications sent as the other template', async () => (await s.sentTemplates()).filter((n) => n === 'pedido_em_processamento').length === 4);
    expect(await holdsOf(s.core)).toEqual([]);
    expect(await s.statusesOf('order_placed')).not.toContain('queued');
  }, 60_000);

  it('the template back to UTILITY at Meta (re-submission) releases the queue; the sync stores category and previous_category', async () => {
    const s = await start();
    await holdOrderPlaced(s);
    const synced = await call<{ templates: TemplateSummary[] }>(s.core, 'templates.sync');
    expect(synced.templates.find((t) => t.name === 'pedido_confirmado')).toMatchObject({ category: 'MARKETING', previousCategory: 'UTILITY' });
    expect(synced.templates.find((t) => t.name === 'pedido_enviado')).toMatchObject({ category: 'UTILITY', previousCategory: null });

    await s.recategorise('pedido_confirmado', 'UTILITY');
    await waitFor('the held notifications sent', async () => (await s.sentTemplates()).filter((n) => n === 'pedido_confirmado').length === 3);
    expect(await holdsOf(s.core)).toEqual([]);
    const again = await call<{ templates: TemplateSummary[] }>(s.core, 'templates.sync');
    expect(again.templates.find((t) => t.name === 'pedido_confirmado')).toMatchObject({ category: 'UTILITY', previousCategory: 'MARKETING' });
  }, 60_000);

  it('refuses to accept marketing for an event whose template is not MARKETING, in words', async () => {
    const s = await start();
    const answer = await s.core.invoke('templates.acceptMarketing', { event: 'order_placed', accept: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation', details: { key: 'templates.marketingHold.notMarketing' } } });
  }, 60_000);
});
