import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlacklistPage } from './pages/blacklist-page';
import { LogPage } from './pages/log-page';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { ToolsPage } from './pages/tools-page';
import { WebhookPage } from './pages/webhook-page';
import { expect, snapshot, test } from './support/fixtures';

test('order book: create an order, it appears in the list; ship it with tracking', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');
  await orders.create({ number: '10300', customer: 'Ana Lima', phone: '(11) 1234', total: '129,90' });
  await expect(page.getByText('Telefone curto demais', { exact: false })).toBeVisible();
  await page.getByTestId('order-phone').fill('(11) 98765-4321');
  await page.getByTestId('create-order').click();
  await expect(page.getByText('Pedido #10300 criado.')).toBeVisible();
  await expect(orders.drawer().getByTestId('order-status')).toHaveText('Pendente');
  await orders.addShipment('Correios', 'QR123456789BR');
  await expect(orders.drawer().getByTestId('shipments')).toContainText('QR123456789BR');
  await expect(orders.drawer().getByTestId('order-events')).toContainText('Envio criado');
  await snapshot(page, 'order-detail');
  await page.keyboard.press('Escape');
  await expect(orders.rows().first()).toContainText('#10300');
  await expect(orders.rows().first()).toContainText('R$ 129,90');
  await expect(orders.rows().first()).toContainText('+5511987654321');
  await page.getByTestId('orders-search').fill('ana');
  await expect(orders.rows()).toHaveCount(1);
  await snapshot(page, 'orders');
});

test('CSV import: mapping, preview, one bad row explained in Portuguese, import the valid ones', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');
  await orders.tab('import');
  const csv = ['Pedido;Cliente;Telefone;Total', '5001;Bruno Souza;(21) 97654-3210;89,90', '5002;Carla Dias;123;10,00', '5003;Davi Reis;(31) 91234-5678;1.234,56'].join('\r\n');
  await orders.pickCsv('pedidos.csv', csv);
  await expect(page.getByTestId('csv-preview')).toContainText('Bruno Souza');
  await expect(page.getByTestId('map-number')).toHaveValue('Pedido');
  await page.getByTestId('csv-check-button').click();
  await expect(page.getByTestId('csv-count-create')).toContainText('2');
  await expect(page.getByTestId('csv-count-refused')).toContainText('1');
  await expect(page.getByTestId('csv-errors')).toContainText('3');
  await expect(page.getByTestId('csv-errors')).toContainText('Telefone');
  await snapshot(page, 'csv-import');
  await page.getByTestId('csv-import').click();
  await expect(page.getByTestId('csv-result')).toContainText('Importação concluída');
  await orders.tab('book');
  await expect(orders.rows()).toHaveCount(2);
  await expect(page.getByTestId('orders-table')).toContainText('R$ 1.234,56');
});

test('connections: WooCommerce test explains the problem; the endpoint secret is shown once with a curl example', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');
  await orders.tab('connections');
  await page.getByTestId('woo-test').click();
  await expect(page.getByTestId('woo-result')).toContainText('Preencha o endereço da loja');
  await expect(page.getByTestId('endpoint-path')).toHaveValue('/orders/events');
  await expect(page.getByTestId('endpoint-secret')).toHaveValue(/^rec_/);
  await expect(page.getByTestId('endpoint-curl')).toContainText('x-recado-signature');
  await snapshot(page, 'connections');
});

test('blacklist: add with validation in words, search, remove with confirmation', async ({ page, app }) => {
  const shell = new Shell(page);
  const blacklist = new BlacklistPage(page);
  await shell.open(app.host.url);
  await shell.goTo('blacklist');
  await expect(blacklist.count()).toHaveText('Nenhum número bloqueado');
  await blacklist.add('(11) 3333-4444', 'teste');
  await expect(page.getByText('Este é um telefone fixo; o WhatsApp precisa de um celular.')).toBeVisible();
  await blacklist.add('(11) 95555-1234', 'Cliente pediu para sair');
  await expect(blacklist.count()).toHaveText('1 número bloqueado');
  await blacklist.add('21 99988-7766', 'Não é uma conta de WhatsApp');
  await blacklist.add('31 91234-0000', 'Manual');
  await expect(blacklist.count()).toHaveText('3 números bloqueados');
  await expect(blacklist.rows().first()).toContainText('+5531912340000');
  await snapshot(page, 'blacklist');
  await blacklist.add('+55 11 95555 1234', 'de novo');
  await expect(page.getByText('Este número já está na lista de bloqueio', { exact: false })).toBeVisible();
  await blacklist.search('99988');
  await expect(blacklist.rows()).toHaveCount(1);
  await blacklist.remove('+5521999887766');
  await expect(page.getByText('+5521999887766 voltará a receber notificações.')).toBeVisible();
  await blacklist.search('');
  await expect(blacklist.count()).toHaveText('2 números bloqueados');
});

test('message log: counters, filters, search, detail with the Meta error, CSV export', async ({ page, app }) => {
  // The dispatcher (which writes the log) is another feature: seed the Sandbox database directly.
  const db = new Database(join(app.dataDir, 'recado-sandbox.sqlite'));
  const insert = db.prepare(
    `INSERT INTO notifications (order_number, phone, type, status, tracking, sent_at, created_at, updated_at, wamid, error, error_code, error_title, error_details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = (h: number, m: number) => new Date(2026, 4, 28, h, m).getTime();
  insert.run('10247', '+5511987654321', 'shipment_created', 'read', 'QR123456789BR', at(14, 32), at(14, 32), at(14, 32), 'wamid.a', null, null, null, null);
  insert.run('10246', '+5521976543210', 'order_placed', 'delivered', null, at(14, 30), at(14, 30), at(14, 30), 'wamid.b', null, null, null, null);
  insert.run('10245', '+5531912345678', 'shipment_created', 'delivered', 'NN987654321BR', at(14, 28), at(14, 28), at(14, 28), 'wamid.c', null, null, null, null);
  insert.run('10244', '+5541998765432', 'shipment_created', 'sent', 'SS112233445BR', at(14, 25), at(14, 25), at(14, 25), 'wamid.d', null, null, null, null);
  insert.run('10240', '+5511912345678', 'order_processing', 'failed', null, at(14, 20), at(14, 20), at(14, 20), 'wamid.e', '131030 Recipient phone number not in allowed list', 131030, 'Recipient phone number not in allowed list', 'Add the number to the allowed list');
  insert.run('10238', '+5585987654321', 'shipment_delivered', 'read', 'JD778899001BR', at(13, 55), at(13, 55), at(13, 55), 'wamid.f', null, null, null, null);
  db.close();

  const shell = new Shell(page);
  const log = new LogPage(page);
  await shell.open(app.host.url);
  await shell.goTo('log');
  await expect(log.counter('delivered')).toContainText('4');
  await expect(log.counter('read')).toContainText('2');
  await expect(log.counter('pending')).toContainText('1');
  await expect(log.counter('failed')).toContainText('1');
  await expect(log.counter('total')).toContainText('6');
  await expect(log.rows().first()).toContainText('#10247');
  await expect(log.rows().first()).toContainText('28/05/2026 14:32');
  await expect(page.getByText('Mostrando 1–6 de 6 registros')).toBeVisible();
  await snapshot(page, 'message-log');

  await log.search('(11) 9123');
  await expect(log.rows()).toHaveCount(1);
  await expect(log.counter('total')).toContainText('1');
  await log.rows().first().click();
  await expect(log.detail()).toContainText('wamid.e');
  await expect(page.getByTestId('detail-error')).toContainText('131030');
  await expect(page.getByTestId('detail-error')).toContainText('Add the number to the allowed list');
  await snapshot(page, 'message-log-detail');
  await page.keyboard.press('Escape');

  await log.search('');
  await log.filterStatus('Entregue');
  await expect(log.rows()).toHaveCount(2);
  const download = await log.exportCsv();
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.split('\r\n')[0]).toContain('Pedido;Telefone;Tipo;Status');
  expect(text.trimEnd().split('\r\n')).toHaveLength(3);
  await expect(page.getByText('Exportação concluída')).toBeVisible();
});

test('webhook: Sandbox delivers locally and the URL is verified; the token shows only on request', async ({ page, app }) => {
  const shell = new Shell(page);
  const webhook = new WebhookPage(page);
  await shell.open(app.host.url);
  await shell.goTo('webhook');
  await expect(page.getByTestId('webhook-sandbox')).toContainText('entregues localmente');
  await expect(webhook.url()).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/whatsapp$/);
  await expect(webhook.verified()).toContainText('Verificado em');
  const token = await webhook.revealToken();
  await expect(token).toHaveValue(/^[\w-]{20,}$/);
  await snapshot(page, 'webhook');
});

test('tools: the demo account, its webhook chain and token; update the webhook at Meta; Sandbox switch', async ({ page, app }) => {
  const shell = new Shell(page);
  const tools = new ToolsPage(page);
  await shell.open(app.host.url);
  await shell.goTo('tools');
  await expect(tools.sandboxSwitch()).toBeChecked();
  await expect(tools.accountInfo()).toContainText('Conta de demonstração (Sandbox)');
  await expect(tools.accountInfo()).toContainText('109876543210987');
  await expect(page.getByTestId('token-info')).toContainText('Permanente');
  const result = await tools.updateWebhook();
  await expect(result).toContainText('Webhook registrado na Meta');
  await tools.register('654321');
  await expect(page.getByTestId('register-error')).toContainText('PIN incorreto');
  await tools.register('123456');
  await expect(page.getByText('Número registrado na Meta.')).toBeVisible();
  await expect(page.getByTestId('register-error')).toHaveCount(0);
  await snapshot(page, 'tools');
});

test('order book: a new order can start already paid, in another currency, on an earlier date', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');
  await page.getByTestId('new-order').click();
  await page.getByTestId('order-number').fill('10301');
  await page.getByTestId('order-customer').fill('John Smith');
  await page.getByTestId('order-phone').fill('(11) 98765-4321');
  await page.getByTestId('order-currency').click();
  await page.getByRole('option', { name: 'USD' }).click();
  await page.getByTestId('order-total').fill('45,50');
  await page.getByTestId('order-status-select').click();
  await page.getByRole('option', { name: 'Em processamento' }).click();
  await page.getByTestId('order-created').click();
  // The first day of this month at 09:30 (day buttons are labelled "1 dezembro 2026").
  const picker = page.getByRole('dialog').last();
  await picker.getByRole('button', { name: /^1 \S+ \d{4}$/ }).first().click();
  await picker.getByRole('spinbutton').first().fill('09');
  await picker.getByRole('spinbutton').nth(1).fill('30');
  await picker.getByRole('button').last().click();
  await page.getByTestId('create-order').click();
  await expect(page.getByText('Pedido #10301 criado.')).toBeVisible();
  await expect(orders.drawer().getByTestId('order-status')).toHaveText('Em processamento');
  await page.keyboard.press('Escape');
  const row = orders.rows().filter({ hasText: '#10301' });
  await expect(row).toContainText('US$ 45,50');
  await expect(row).toContainText(/01\/\d\d\/\d{4},? 09:30/);
});
