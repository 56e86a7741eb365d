import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BlacklistPage } from './pages/blacklist-page';
import { LogPage } from './pages/log-page';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { StatusPage } from './pages/status-page';
import { ToolsPage } from './pages/tools-page';
import { addSandboxFault } from './support/contract';
import { expect, snapshot, test } from './support/fixtures';

/** Creates an order in the local order book through the Orders screen (its "order placed" event is what gets sent). */
async function createOrder(page: Page, order: { number: string; customer: string; phone: string }) {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.goTo('orders');
  await orders.create({ ...order, total: '189,90' });
  await expect(page.getByText(`Pedido #${order.number} criado.`)).toBeVisible();
  await page.keyboard.press('Escape');
}

/** Goes to the Status screen and presses "Enviar agora". */
async function sendNow(page: Page) {
  const status = new StatusPage(page);
  await new Shell(page).goTo('status');
  await expect(status.dispatchState()).toHaveText('Enviando');
  await status.sendNow();
  await expect(page.getByText('Verificando pedidos e enviando a fila agora.')).toBeVisible();
}

test('status: the dispatch card counts down to the next run, pauses and resumes; "Enviar agora" sends a new order', async ({ page, app }) => {
  const shell = new Shell(page);
  const status = new StatusPage(page);
  const log = new LogPage(page);
  await shell.open(app.host.url);
  await expect(status.dispatchState()).toHaveText('Enviando');
  await expect(status.card('queue')).toContainText('0 pendentes');
  await expect(status.countdown()).toContainText(/Próximo envio em \d+ min \d+ s/);
  const first = await status.secondsToNextDispatch();
  expect(first).toBeGreaterThan(60);
  await expect.poll(() => status.secondsToNextDispatch(), { timeout: 5_000 }).toBeLessThan(first!);
  await snapshot(page, 'status-dispatch');

  await status.pause();
  await expect(status.dispatchState()).toHaveText('Pausado por você');
  await expect(page.getByText('Envios pausados. A fila é mantida.')).toBeVisible();
  await expect(status.card('dispatch')).toContainText('Nenhuma mensagem sai até você clicar em Retomar.');
  await expect(status.countdown()).toHaveCount(0);
  await expect(page.getByTestId('dispatch-send-now')).toBeDisabled();
  await snapshot(page, 'status-dispatch-paused');
  await status.resume();
  await expect(status.dispatchState()).toHaveText('Enviando');
  await expect(page.getByText('Envios retomados.')).toBeVisible();
  await expect(status.countdown()).toContainText('Próximo envio em');

  await createOrder(page, { number: '20001', customer: 'Maria Souza', phone: '(11) 98765-4321' });
  await sendNow(page);
  await shell.goTo('log');
  await expect(log.rowsOf('20001')).toHaveCount(1);
  await expect(log.rowsOf('20001')).toContainText(/Enviada|Entregue|Lida/);
  await log.rowsOf('20001').click();
  await expect(log.detailContent()).toContainText('Modelo “pedido_confirmado” · idioma português (Brasil)');
  await expect(log.detailContent()).toContainText('Maria');
  await expect(log.detailContent()).toContainText('20001');
  await expect(log.detail().getByTestId('resend')).toHaveCount(0);
  // The Sandbox's receipt carries Meta's 2026 pricing: a utility template, charged.
  await expect(log.detail()).toContainText('Categoria da Meta: Utilidade · cobrada pela Meta', { timeout: 20_000 });
  await page.keyboard.press('Escape');

  // …and the Status cost card prices it at Meta's Brazil utility rate, in dollars, then in reais too.
  await shell.goTo('status');
  await expect(status.card('cost').getByTestId('cost-row-BR-utility')).toContainText('Brasil (+55)Utilidade10US$ 0,0068US$ 0,0068');
  await expect(page.getByTestId('cost-total')).toHaveText('Total estimado: US$ 0,0068');
  await status.card('cost').getByRole('button', { name: 'Editar valores' }).click();
  await page.getByLabel('Cotação do dólar (R$ por US$ 1)').fill('5');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByTestId('cost-total-brl')).toHaveText('Em reais: R$ 0,03 (cotação sua: R$ 5,00 por US$ 1)');
  await snapshot(page, 'status-cost-estimate');
});

test('log: a number without WhatsApp fails (131026) with the reason in words; the detail shows what was sent and Meta\'s error; Reenviar queues a new row', async ({ page, app }) => {
  const shell = new Shell(page);
  const log = new LogPage(page);
  await shell.open(app.host.url);
  // The Sandbox's demo customer who is not on WhatsApp: Meta accepts, then its webhook says failed.
  await createOrder(page, { number: '20002', customer: 'Paulo Reis', phone: '(11) 90000-0000' });
  await sendNow(page);
  await shell.goTo('log');
  const row = log.rowsOf('20002');
  await expect(row).toContainText('Falhou', { timeout: 20_000 });
  await expect(row.getByTestId('row-reason')).toHaveText('Este número não tem WhatsApp (ou o aplicativo do cliente está desatualizado).');
  await expect(row).toContainText('131026');
  await snapshot(page, 'log-failed-reason');

  await row.click();
  await expect(log.detailReason()).toContainText('Este número não tem WhatsApp');
  await expect(log.detailContent()).toContainText('Modelo “pedido_confirmado” · idioma português (Brasil)');
  await expect(log.detailContent()).toContainText('Corpo');
  await expect(log.detailContent()).toContainText('Paulo');
  await expect(log.detail().getByTestId('detail-error')).toContainText('131026');
  await expect(log.detail().getByTestId('detail-error')).toContainText('Message undeliverable');
  await snapshot(page, 'log-detail-failed');

  await log.resend();
  await expect(page.getByText('Reenvio na fila')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(log.rowsOf('20002')).toHaveCount(2);
  // The resend went out as a new row; the original stays failed.
  await expect(log.rowsOf('20002').last()).toContainText('Falhou');
});

test('log: a blacklisted customer\'s notification is skipped, and the log says why', async ({ page, app }) => {
  const shell = new Shell(page);
  const log = new LogPage(page);
  const blacklist = new BlacklistPage(page);
  await shell.open(app.host.url);
  await shell.goTo('blacklist');
  await blacklist.add('(11) 95555-1234', 'Cliente pediu para sair');
  await expect(blacklist.count()).toHaveText('1 número bloqueado');
  await createOrder(page, { number: '20003', customer: 'Rita Lima', phone: '(11) 95555-1234' });
  await sendNow(page);
  await shell.goTo('log');
  const row = log.rowsOf('20003');
  await expect(row).toContainText('Ignorada');
  await expect(row.getByTestId('row-reason')).toHaveText('Número na lista de bloqueio.');
  await expect(row).toContainText('Motivo do bloqueio: Cliente pediu para sair');
  await snapshot(page, 'log-skipped-blacklisted');
  await row.click();
  await expect(log.detailReason()).toContainText('Número na lista de bloqueio.');
  await expect(log.detailContent()).toContainText('Nada foi enviado para esta mensagem.');
  await expect(log.detail().getByTestId('resend')).toHaveCount(0);
});

test('log: resending an unconfirmed message asks first, because it may already have reached the customer', async ({ page, app }) => {
  // A send cut short by a crash is the one way to get `unconfirmed`; write it as start-up leaves it.
  const db = new Database(join(app.dataDir, 'recado-sandbox.sqlite'));
  const now = Date.now();
  db.prepare(
    `INSERT INTO notifications (order_number, phone, type, status, reason, created_at, updated_at, content_kind, text_body, biz_opaque_id, attempts)
     VALUES ('20004', '+5511987654321', 'order_placed', 'unconfirmed', 'interrupted', ?, ?, 'text', 'Olá Maria, seu pedido #20004 foi confirmado!', '1', 1)`,
  ).run(now, now);
  db.close();

  const shell = new Shell(page);
  const log = new LogPage(page);
  await shell.open(app.host.url);
  await shell.goTo('log');
  const row = log.rowsOf('20004');
  await expect(row).toContainText('Não confirmada');
  await expect(row.getByTestId('row-reason')).toContainText('O Recado foi fechado durante o envio.');
  await row.click();
  await expect(log.detailContent()).toContainText('Olá Maria, seu pedido #20004 foi confirmado!');
  await log.resend();
  await expect(log.resendConfirm()).toContainText('ela pode já ter chegado ao cliente');
  await snapshot(page, 'log-resend-confirm');
  await log.resendConfirm().getByRole('button', { name: 'Cancelar' }).click();
  await expect(log.resendConfirm()).toHaveCount(0);
  await log.resend();
  await log.resendConfirm().getByRole('button', { name: 'Reenviar mesmo assim' }).click();
  await expect(page.getByText('Reenvio na fila')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(log.rowsOf('20004')).toHaveCount(2);
});

test('status: when Meta refuses the token, the card says the dispatcher paused, why, Meta\'s code and what to do; Retomar sends', async ({ page, app }) => {
  const shell = new Shell(page);
  const status = new StatusPage(page);
  const log = new LogPage(page);
  await shell.open(app.host.url);
  await addSandboxFault(app.host, { match: 'messages', code: 190, status: 401, times: 1 });
  await createOrder(page, { number: '20005', customer: 'Maria Souza', phone: '(11) 98765-4321' });
  await sendNow(page);
  await expect(status.dispatchState()).toHaveText('Pausado: a Meta recusou os envios');
  await expect(status.pauseReason()).toContainText('O token de acesso expirou ou é inválido.');
  await expect(status.pauseReason()).toContainText('Código da Meta: 190');
  await expect(status.pauseReason()).toContainText('A Meta disse: Invalid OAuth access token');
  await expect(status.pauseReason()).toContainText('Depois de corrigir, clique em Retomar.');
  await expect(status.card('queue')).toContainText('1 pendente');
  await snapshot(page, 'status-dispatch-meta-paused');
  await status.resume();
  await expect(status.dispatchState()).toHaveText('Enviando');
  await expect(status.card('queue')).toContainText('0 pendentes');
  await shell.goTo('log');
  await expect(log.rowsOf('20005')).toContainText(/Enviada|Entregue|Lida/);
});

test('tools: a test message goes out and shows its wamid; a landline is refused in words', async ({ page, app }) => {
  const shell = new Shell(page);
  const tools = new ToolsPage(page);
  await shell.open(app.host.url);
  await shell.goTo('tools');
  const sent = await tools.sendTest('(11) 98765-4321', { event: 'Envio criado' });
  await expect(sent).toContainText('A Meta aceitou a mensagem de teste');
  await expect(sent).toContainText('Para +55 11 98765-4321');
  await expect(sent).toContainText(/ID da mensagem: wamid\.\S+/);
  await snapshot(page, 'tools-send-test');
  const refused = await tools.sendTest('(11) 3333-4444', { text: 'Olá, teste' });
  await expect(refused).toContainText('A mensagem de teste não foi enviada');
  await expect(tools.sendTestCard()).toContainText('Este é um telefone fixo; o WhatsApp precisa de um celular.');
});
