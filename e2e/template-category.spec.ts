import { DEMO } from '../electron/core/sandbox/demo-world';
import { LogPage } from './pages/log-page';
import { Shell } from './pages/shell';
import { TemplatesPage } from './pages/templates-page';
import { callContract } from './support/contract';
import { expect, snapshot, test } from './support/fixtures';
import { englishOnlyFragments, languageProblems, visibleTexts } from './support/language-check';
import { sandboxMeta } from './support/sandbox-meta';

// Three screens, a send and its receipts on a shared 2-core machine: more than the default minute.
test.setTimeout(150_000);

test('template re-categorised by Meta: Status shows the held event and why, Templates shows "antes: Utilidade", accepting Marketing sends the queue', async ({ page, app }) => {
  const shell = new Shell(page);
  const templates = new TemplatesPage(page);
  await shell.open(app.host.url);
  await callContract(app.host, 'templates.sync', {});

  // At Meta (the Sandbox, over its control API): the order confirmation template becomes MARKETING.
  const meta = await sandboxMeta(app.host);
  await meta.recategorise('pedido_confirmado', 'MARKETING');
  const hold = page.getByTestId('marketing-hold-order_placed');
  await expect(hold).toBeVisible();
  await expect(hold).toContainText('Aviso “Pedido realizado” parado: o modelo virou Marketing');
  await expect(hold).toContainText('de Utilidade para Marketing');
  await expect(hold).toContainText('cerca de 9 vezes');

  // A new order: its confirmation waits in the queue, held.
  await callContract(app.host, 'orders.create', { number: '4242', customerName: 'Maria Souza', phone: DEMO.customers.maria.dial, totalMinor: 18990 });
  await callContract(app.host, 'dispatch.sendNow', {});
  await page.reload();
  await expect(page.getByTestId('marketing-waiting-order_placed')).toHaveText('1 notificação espera na fila; nenhuma foi perdida.');
  const queued = await callContract(app.host, 'log.query', { filters: { search: '4242' } });
  expect(queued.rows.map((r) => ({ status: r.status, reason: r.reason }))).toEqual([{ status: 'queued', reason: 'held_marketing' }]);
  await snapshot(page, 'marketing-hold-status');
  // Every word of the held notice in Portuguese, Meta's codes in words (the template name is verbatim on purpose).
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(languageProblems(await visibleTexts(page), englishOnlyFragments())).toEqual([]);

  // The Message Log says why the row waits, on the row and in its detail.
  const log = new LogPage(page);
  await shell.goTo('log');
  const heldRow = log.rowsOf('4242');
  await expect(heldRow.getByTestId('row-reason')).toHaveText(/^Retida: o modelo deste evento virou Marketing/);
  await heldRow.click();
  await expect(log.detailReason()).toContainText('Escolha outro modelo ou aceite Marketing em Modelos de mensagem.');
  await page.keyboard.press('Escape');
  await shell.goTo('status');

  // "Pick another template": the Templates screen opens on that event; the table shows the change.
  await page.getByTestId('marketing-fix-order_placed').click();
  await expect(templates.editor('order_placed')).toBeVisible();
  await expect(templates.templateRow('pedido_confirmado')).toContainText('Marketing');
  await expect(page.getByTestId('template-category-pedido_confirmado-pt_BR')).toHaveText('Marketing(antes: Utilidade)');
  await expect(templates.templateRow('pedido_enviado')).toContainText('Utilidade');
  await expect(page.getByTestId('marketing-hold-order_placed')).toBeVisible();

  // The Events screen says it next to the event too.
  await shell.goTo('events');
  await expect(page.getByTestId('marketing-hold-order_placed')).toContainText('1 notificação espera na fila');
  await shell.goTo('templates');
  await expect(templates.editor('order_placed')).toBeVisible();

  // Or accept Marketing for this event, explicitly, after reading the price difference.
  await page.getByTestId('marketing-accept-order_placed').click();
  await expect(page.getByRole('dialog')).toContainText('cerca de 9 vezes o preço de Utilidade');
  await page.getByTestId('marketing-accept-confirm-order_placed').click();
  await expect(page.getByText('Marketing aceito para “Pedido realizado”: as notificações na fila vão sair.')).toBeVisible();
  await expect(page.getByTestId('marketing-accepted-order_placed')).toContainText('Você aceitou enviar como Marketing');
  await expect
    .poll(async () => (await callContract(app.host, 'log.query', { filters: { search: '4242' } })).rows.map((r) => r.status), { timeout: 20_000 })
    .toEqual([expect.stringMatching(/^(sent|delivered|read)$/)]);

  await shell.goTo('status');
  await expect(page.getByTestId('marketing-accepted-order_placed')).toBeVisible();
  await expect(page.getByTestId('marketing-hold-order_placed')).toHaveCount(0);
});
