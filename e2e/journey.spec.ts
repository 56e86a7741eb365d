import { BlacklistPage } from './pages/blacklist-page';
import { CredentialsPage } from './pages/credentials-page';
import { DispatchPage } from './pages/dispatch-page';
import { LogPage } from './pages/log-page';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { StatusPage } from './pages/status-page';
import { TemplatesPage } from './pages/templates-page';
import { expect, snapshot, test } from './support/fixtures';

test.setTimeout(180_000);

/**
 * The whole journey of issue 7, in Sandbox mode and in Portuguese, only through the screens:
 * credentials → template sync → mapping with preview and dry run → a local order → processing →
 * shipment with tracking → the messages in the log as sent, then delivered and read → the
 * customer replies "PARAR" → the number is on the blacklist → the next event is skipped, and the
 * log says why.
 */
test('journey: from the credentials to an opt-out, every step on screen', async ({ page, app }) => {
  const shell = new Shell(page);
  const status = new StatusPage(page);
  const templates = new TemplatesPage(page);
  const orders = new OrdersPage(page);
  const log = new LogPage(page);
  const blacklist = new BlacklistPage(page);
  await shell.open(app.host.url);
  await expect(status.sandboxBadge()).toBeVisible();
  await expect(status.card('api')).toContainText('Conectado');
  await snapshot(page, 'journey-01-status');

  // Credentials: the Sandbox's demo account answers like Meta.
  await shell.goTo('credentials');
  await new CredentialsPage(page).field('apiVersion').waitFor();
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('test-result')).toContainText('Conectado à Meta');
  await snapshot(page, 'journey-02-credentials');

  // Pacing: short delays so the journey does not wait on the anti-ban pauses.
  await shell.goTo('dispatch');
  const dispatch = new DispatchPage(page);
  await dispatch.set('minDelaySeconds', '0');
  await dispatch.set('maxDelaySeconds', '1');
  await dispatch.save();
  await expect(page.getByText('Alterações salvas').last()).toBeVisible();

  // Templates: synced on the first visit; the shipment's mapping previewed and dry-run.
  await shell.goTo('templates');
  await expect(templates.templateRow('pedido_enviado')).toContainText('Aprovado');
  await templates.openEvent('shipment_created');
  await expect(templates.bubbleBody()).toContainText('QR123456789BR');
  await templates.bindText('body', 3, 'Correios Brasil');
  await expect(templates.bubbleBody()).toContainText('Correios Brasil');
  await page.getByTestId('dry-run-source').getByText('Exemplo', { exact: true }).click();
  await page.getByTestId('dry-run-button').click();
  await expect(templates.dryRunResult()).toContainText('A Meta aceitaria esta mensagem.');
  await templates.save();
  await expect(page.getByText('Alterações salvas').last()).toBeVisible();
  await snapshot(page, 'journey-03-templates');

  // A sale at the counter: the order, paid, then shipped. Each step goes out before the next,
  // as it does when the shop works through the day.
  await shell.goTo('orders');
  await orders.create({ number: '30001', customer: 'Maria Souza', phone: '(11) 98765-4321', total: '249,90' });
  await expect(page.getByText('Pedido #30001 criado.')).toBeVisible();
  await page.keyboard.press('Escape');
  // Before the next run, the new order's message already counts as pending, the same on Status and in the log.
  await shell.goTo('status');
  await expect(status.card('queue')).toContainText('1 pendente');
  await shell.goTo('log');
  await expect(log.counter('pending')).toHaveText(/^1\D/);
  await expect(log.rowsOf('30001')).toContainText('Na fila');
  await status.goAndSendNow();
  await shell.goTo('log');
  await expect(log.rowsOf('30001')).toContainText(/Enviada|Entregue|Lida/);

  await orders.openOrder('30001');
  await orders.drawer().getByTestId('change-status').click();
  await page.getByRole('option', { name: 'Em processamento' }).click();
  await expect(orders.drawer().getByTestId('order-status')).toHaveText('Em processamento');
  await page.keyboard.press('Escape');
  await status.goAndSendNow();
  await shell.goTo('log');
  await expect(log.rowsOf('30001')).toHaveCount(2);

  await orders.openOrder('30001');
  await orders.addShipment('Correios', 'QR123456789BR');
  await expect(orders.drawer().getByTestId('shipments')).toContainText('QR123456789BR');
  await snapshot(page, 'journey-04-order');
  await page.keyboard.press('Escape');
  await status.goAndSendNow();

  // The log: three messages, each read by the customer (the Sandbox's receipts through the webhook).
  await shell.goTo('log');
  await expect(log.rowsOf('30001')).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(log.rowsOf('30001').nth(i)).toContainText('Lida', { timeout: 30_000 });
  // One definition of each number: a read message was delivered, so Status and the log both say 3 and 3.
  await expect(log.counter('delivered')).toHaveText(/^3\D/);
  await expect(log.counter('read')).toHaveText(/^3\D/);
  await expect(log.counter('pending')).toHaveText(/^0\D/);
  await shell.goTo('status');
  await expect(status.card('today')).toContainText('Entregues: 3 · Lidas: 3');
  await expect(status.card('queue')).toContainText('0 pendentes');
  await shell.goTo('log');
  const shipment = log.rowsOf('30001').filter({ hasText: 'QR123456789BR' });
  await expect(shipment).toHaveCount(1);
  await shipment.click();
  await expect(log.detailContent()).toContainText('pedido_enviado');
  await expect(log.detailContent()).toContainText('Correios Brasil');
  await expect(log.detail()).toContainText('Entregue');
  await snapshot(page, 'journey-05-log-read');
  await page.keyboard.press('Escape');

  // The customer answers "PARAR" (played through the Sandbox, delivered by its signed webhook).
  await shell.goTo('tools');
  await page.getByTestId('reply-phone').fill('(11) 98765-4321');
  await expect(page.getByTestId('reply-text')).toHaveValue('PARAR');
  await page.getByTestId('reply-send').click();
  await expect(page.getByText('Mensagem de +55 11 98765-4321 enviada ao Recado')).toBeVisible();

  await shell.goTo('blacklist');
  await expect(blacklist.count()).toHaveText('1 número bloqueado');
  await expect(blacklist.rows().first()).toContainText('+55 11 98765-4321');
  await expect(blacklist.rows().first()).toContainText('O cliente pediu para sair');
  await snapshot(page, 'journey-06-blacklist');

  // The parcel arrives: "Shipment Delivered" is not sent, and the log says why.
  await orders.openOrder('30001');
  await orders.drawer().getByTestId('mark-delivered').click();
  await expect(orders.drawer().getByTestId('order-events')).toContainText('Envio entregue');
  await page.keyboard.press('Escape');
  await status.goAndSendNow();
  await shell.goTo('log');
  await log.expectOneSkippedForOptOut('30001', 4);
  await snapshot(page, 'journey-07-log-skipped');
});
