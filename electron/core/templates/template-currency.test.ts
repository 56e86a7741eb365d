import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_SETTINGS, type TemplateMapping } from '../../../shared/settings/templates';
import { makeOrder } from '../dispatcher/testing/dispatcher-harness';
import { dispatcherHarnesses } from '../dispatcher/testing/dispatcher-harnesses';
import { tempCores } from '../testing/temp-cores';
import { saveOrder } from '../orders/order-book';
import { templatesHandlers } from './handlers';

const harnesses = dispatcherHarnesses();
const cores = tempCores();

const base = DEFAULT_TEMPLATES_SETTINGS.events.order_placed;
/** The default mapping, but the total as the order's own money ("Total: {{3}}"). */
const withCurrencyField: TemplateMapping = {
  ...base,
  body: base.body.map((p) => (p.name === '3' ? { ...p, value: { kind: 'field', field: 'order_total' } } : p)),
  previewText: base.previewText.replace('R$ {{3}}', '{{3}}'),
};

describe('dry run and currency', () => {
  it('renders the total in the order’s currency and warns when fixed text says R$ on a non-BRL order', async () => {
    const h = await harnesses.open();
    const handlers = templatesHandlers(h.ctx);
    const usd = h.addOrder(makeOrder(1, { currency: 'USD', totalMinor: 21890 })).orderId;
    const brl = h.addOrder(makeOrder(2, { totalMinor: 21890 })).orderId;

    // Before any sync the preview text stands for the template's body: "Total: R$ {{3}}".
    const unsynced = await handlers['templates.dryRun']({ event: 'order_placed', orderId: usd });
    expect(unsynced.currency).toBe('USD');
    expect(unsynced.warnings).toEqual([{ kind: 'currency_symbol', where: 'previewText', param: null, currency: 'USD' }]);
    expect(unsynced.text).toContain('Total: R$ 218,90');

    await handlers['templates.sync']({});
    // The Sandbox's pedido_confirmado says "R$ {{3}}" in its fixed body: Meta accepts it, the customer misreads it.
    const synced = await handlers['templates.dryRun']({ event: 'order_placed', orderId: usd });
    expect(synced.ok).toBe(true);
    expect(synced.warnings).toEqual([{ kind: 'currency_symbol', where: 'body', param: null, currency: 'USD' }]);
    // A fixed parameter that says R$ is named too.
    const fixedParam: TemplateMapping = { ...withCurrencyField, body: withCurrencyField.body.map((p) => (p.name === '4' ? { ...p, value: { kind: 'text', text: 'frete R$ 10' } } : p)) };
    expect((await handlers['templates.dryRun']({ event: 'order_placed', orderId: usd, mapping: fixedParam })).warnings).toContainEqual({ kind: 'currency_symbol', where: 'param', param: '4', currency: 'USD' });
    // The same order in reais: nothing to warn about.
    expect((await handlers['templates.dryRun']({ event: 'order_placed', orderId: brl })).warnings).toEqual([]);

    // "Total with currency" writes the order's own money.
    const own = await handlers['templates.preview']({ event: 'order_placed', orderId: usd, mapping: withCurrencyField });
    expect(own.params.find((p) => p.name === '3')?.value).toBe('US$ 218,90');
    expect(own.text).toContain('Total: US$ 218,90');
  });

  it('an order stored with a currency Intl does not know: preview and dry run answer in words, not "internal"', async () => {
    const { core } = cores.open({ mode: 'sandbox' });
    const db = core.context().db;
    const { orderId } = saveOrder(db, makeOrder(1), Date.now());
    // Written by an older version, before sources refused such orders.
    db.$client.prepare('UPDATE orders SET currency = ? WHERE id = ?').run('USDT', orderId);
    for (const method of ['templates.preview', 'templates.dryRun'] as const) {
      const answer = await core.invoke(method, { event: 'order_placed', orderId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'validation', details: { key: 'templates.dryRun.invalidCurrency', currency: 'USDT' } } });
    }
  });
});
