import { BlacklistPage } from './pages/blacklist-page';
import { LogPage } from './pages/log-page';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { StatusPage } from './pages/status-page';
import { ToolsPage } from './pages/tools-page';
import { expect, snapshot, test } from './support/fixtures';

test.setTimeout(180_000);

/**
 * Issue 14 §1, in Sandbox mode and in Portuguese: Ana uses a WhatsApp username, so Meta's
 * webhook brings her "PARAR" with only her business-scoped user ID (no phone). She is on the
 * blacklist by that ID at once; the first order message to her phone goes out (nothing could link
 * the ID to a phone yet), its receipts link them, and from then on her order events are skipped
 * with the reason in the log.
 */
test('BSUID: a customer with a username replies "PARAR" without her number; once linked, her next order event is skipped', async ({ page, app }) => {
  const shell = new Shell(page);
  const tools = new ToolsPage(page);
  const blacklist = new BlacklistPage(page);
  const orders = new OrdersPage(page);
  const log = new LogPage(page);
  const status = new StatusPage(page);
  await shell.open(app.host.url);

  // Ana replies through the Sandbox: Meta withholds her number (username, never messaged by phone).
  await shell.goTo('tools');
  await tools.customerReplies('@anacosta', 'PARAR');
  await expect(page.getByText('Mensagem de @anacosta enviada sem o número')).toBeVisible();

  await shell.goTo('blacklist');
  await expect(blacklist.count()).toHaveText('1 número bloqueado');
  const row = blacklist.rows().first();
  await expect(blacklist.matchedBy(row)).toContainText('Nome de usuário @anacosta (a mensagem veio sem o número)');
  await expect(blacklist.matchedBy(row)).toContainText(/ID na Meta: BR\.\d{20}/);
  await expect(row).toContainText('Ainda desconhecido');
  await expect(row).toContainText('O cliente pediu para sair');
  await snapshot(page, 'bsuid-01-blacklist-by-id');

  // Her first order: sent to her phone; Meta's receipts carry her ID with the phone.
  await shell.goTo('orders');
  await orders.create({ number: '40001', customer: 'Ana Costa', phone: '(31) 99654-3210', total: '99,90' });
  await expect(page.getByText('Pedido #40001 criado.')).toBeVisible();
  await page.keyboard.press('Escape');
  await status.goAndSendNow();
  await shell.goTo('log');
  await expect(log.rowsOf('40001')).toContainText(/Entregue|Lida/, { timeout: 30_000 });
  await log.rowsOf('40001').click();
  await expect(log.detailIdentity().bsuid).toHaveText(/^BR\.\d{20}$/);
  await expect(log.detailIdentity().username).toHaveText('@anacosta');
  await snapshot(page, 'bsuid-02-log-identity');
  await page.keyboard.press('Escape');

  // The blacklist now knows her number too.
  await shell.goTo('blacklist');
  await expect(blacklist.rows().first()).toContainText('+55 31 99654-3210');

  // The next event for her is skipped, and the log says why.
  await orders.openOrder('40001');
  await orders.drawer().getByTestId('change-status').click();
  await page.getByRole('option', { name: 'Em processamento' }).click();
  await expect(orders.drawer().getByTestId('order-status')).toHaveText('Em processamento');
  await page.keyboard.press('Escape');
  await status.goAndSendNow();
  await shell.goTo('log');
  await log.expectOneSkippedForOptOut('40001', 2);
  await snapshot(page, 'bsuid-03-log-skipped');
});
