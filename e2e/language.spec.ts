import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LogPage } from './pages/log-page';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { callContract } from './support/contract';
import { expect, snapshot, test } from './support/fixtures';
import { englishOnlyFragments, languageProblems, visibleTexts } from './support/language-check';
import type { RunningHost } from './support/web-host';

test.setTimeout(240_000);

const SCREENS = ['status', 'credentials', 'events', 'templates', 'dispatch', 'webhook', 'tracking', 'log', 'blacklist', 'orders', 'tools'] as const;

/** Waits until the log holds each order's row in one of the given statuses. */
async function waitForLog(host: RunningHost, expected: Record<string, string[]>) {
  await expect
    .poll(
      async () => {
        const { rows } = await callContract(host, 'log.query', { filters: {}, pageSize: 100 });
        return Object.entries(expected).every(([order, statuses]) => rows.some((r) => r.orderNumber === order && statuses.includes(r.status)));
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/**
 * A shop's day, seeded through the contract in Sandbox mode: a message read by the customer, one
 * to a number without WhatsApp (failed, 131026), one to a foreign number, a customer who replied
 * "PARAR" and whose next message was skipped, and orders with phones in every list.
 */
async function seedShop(host: RunningHost) {
  const dispatch = await callContract(host, 'dispatch.getSettings', {});
  await callContract(host, 'dispatch.saveSettings', { ...dispatch, minDelaySeconds: 0, maxDelaySeconds: 1 });
  const { templates } = await callContract(host, 'templates.sync', {});
  await callContract(host, 'sandbox.customerReply', { phone: '(21) 99876-5432', text: 'PARAR' });
  // The reply reaches Recado as Meta's webhook, a moment later: the customer must be on the
  // blacklist before their order is sent, or the message goes out (as it would for a real shop).
  await expect
    .poll(async () => (await callContract(host, 'blacklist.list', { pageSize: 100 })).rows.some((row) => row.phone === '+5521998765432'), { timeout: 30_000 })
    .toBe(true);
  const orders = [
    { number: '40001', customerName: 'Maria Souza', phone: '(11) 98765-4321', totalMinor: 24990 },
    { number: '40002', customerName: 'Paulo Reis', phone: '(11) 90000-0000', totalMinor: 123456 },
    { number: '40003', customerName: 'Joana Prado', phone: '(21) 99876-5432', totalMinor: 5000 },
    { number: '40004', customerName: 'Inês Costa', phone: '+351 912 345 678', totalMinor: 1990 },
  ];
  for (const order of orders) await callContract(host, 'orders.create', order);
  await callContract(host, 'dispatch.sendNow', {});
  await waitForLog(host, { '40001': ['read'], '40002': ['failed'], '40003': ['skipped'], '40004': ['sent', 'delivered', 'read'] });
  return { templateNames: templates.map((template) => template.name) };
}

/** Waits for the screen's data, then checks what it shows; returns the problems found. */
async function check(page: Page, where: string, fragments: string[], verbatim: readonly string[]): Promise<string[]> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  const problems = languageProblems(await visibleTexts(page), fragments, verbatim);
  return problems.map((problem) => `${where}: ${problem}`);
}

/**
 * Every screen, and the drawers and modals the owner opens most, in Portuguese with a day of
 * data: no text from the English bundle, nothing that reads as a raw code, a placeholder or a
 * number outside Intl. Fixes belong in the app, not in the allow-list of `language-check.ts`.
 */
test('language: every screen, drawer and modal speaks Portuguese, with values in words', async ({ page, app }) => {
  const { templateNames } = await seedShop(app.host);
  const fragments = englishOnlyFragments();
  expect(fragments.length).toBeGreaterThan(200);
  const shell = new Shell(page);
  const log = new LogPage(page);
  const orders = new OrdersPage(page);
  const problems: string[] = [];
  await shell.open(app.host.url);

  for (const screen of SCREENS) {
    await shell.goTo(screen);
    await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('data-active', 'true');
    problems.push(...(await check(page, screen, fragments, templateNames)));
  }

  // Templates: each event's mapping with its preview.
  await shell.goTo('templates');
  await page.getByTestId('event-tab-shipment_created').click();
  problems.push(...(await check(page, 'templates/shipment_created', fragments, templateNames)));

  // The log: one row of each kind, opened.
  await shell.goTo('log');
  for (const order of ['40001', '40002', '40003', '40004']) {
    await log.rowsOf(order).first().click();
    await expect(log.detail()).toBeVisible();
    problems.push(...(await check(page, `log detail #${order}`, fragments, templateNames)));
    await page.keyboard.press('Escape');
    await expect(log.detail()).toHaveCount(0);
  }
  // Meta's values in words: the pricing category, the customer's WhatsApp number as a phone.
  await log.rowsOf('40001').first().click();
  await expect.soft(log.detail()).toContainText('Categoria da Meta: Utilidade');
  await expect.soft(log.detail()).toContainText('Número do cliente no WhatsApp+55 11 98765-4321');
  await page.keyboard.press('Escape');
  // The skipped row says why in words, and no Meta error box stands where Meta said nothing.
  await log.rowsOf('40003').first().click();
  await expect.soft(log.detailReason()).toContainText('O cliente pediu para sair');
  await expect.soft(log.detail().getByTestId('detail-error')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect.soft(log.rowsOf('40001')).toContainText('+55 11 98765-4321');
  await expect.soft(log.rowsOf('40004')).toContainText('+351 912 345 678');
  await snapshot(page, 'language-log');
  // The export writes the owner's words; the codes only in their own columns at the end.
  const download = await log.exportCsv();
  const [header, ...lines] = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
  expect.soft(header).toBe('ID;Pedido;Telefone;Aviso;Situação;Motivo;Rastreio;Criada em;Enviada em;Entregue em;Lida em;Erro informado pela Meta;Código da mensagem na Meta;Aviso (código);Situação (código);Motivo (código)');
  const skipped = lines.find((line) => line.includes(';40003;'));
  expect.soft(skipped).toContain(';Pedido realizado;Ignorada;Número na lista de bloqueio. Motivo do bloqueio: O cliente pediu para sair');
  expect.soft(skipped).toMatch(/;order_placed;skipped;blacklisted$/);
  expect.soft(lines.find((line) => line.includes(';40001;'))).toContain(';Lida;');

  // Orders: the book, a drawer, the new-order modal and the other tabs.
  await shell.goTo('orders');
  await expect.soft(orders.rows().filter({ hasText: '#40001' })).toContainText('+55 11 98765-4321');
  await orders.rows().filter({ hasText: '#40001' }).click();
  await expect(orders.drawer().getByTestId('order-status')).toBeVisible();
  problems.push(...(await check(page, 'order drawer', fragments, templateNames)));
  await page.keyboard.press('Escape');
  await page.getByTestId('new-order').click();
  await expect(page.getByTestId('order-number')).toBeVisible();
  problems.push(...(await check(page, 'new order', fragments, templateNames)));
  await page.keyboard.press('Escape');
  for (const tab of ['import', 'connections'] as const) {
    await orders.tab(tab);
    problems.push(...(await check(page, `orders/${tab}`, fragments, templateNames)));
  }

  // Blacklist: both automatic entries in words, phones in national format.
  await shell.goTo('blacklist');
  await expect.soft(page.getByTestId('bl-table')).toContainText('+55 21 99876-5432');

  // Tools: a test message sent, so its result shows too.
  await shell.goTo('tools');
  await page.getByTestId('send-test-phone').fill('(11) 98765-4321');
  await page.getByTestId('send-test-button').click();
  await expect.soft(page.getByTestId('send-test-result')).toContainText('+55 11 98765-4321', { timeout: 20_000 });
  problems.push(...(await check(page, 'tools after a test message', fragments, templateNames)));
  await snapshot(page, 'language-tools');

  expect(problems, problems.join('\n')).toEqual([]);
});
