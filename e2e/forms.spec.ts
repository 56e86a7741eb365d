import { DispatchPage } from './pages/dispatch-page';
import { OrdersPage } from './pages/orders-page';
import { Shell, UnsavedDialog } from './pages/shell';
import { WebhookPage } from './pages/webhook-page';
import { callContract } from './support/contract';
import { expect, test } from './support/fixtures';

const orderTotals = async (host: Parameters<typeof callContract>[0]) =>
  (await callContract(host, 'orders.list', { page: 1, pageSize: 100 })).rows.map((r) => [r.number, r.totalMinor]);

test('money: "1.234,56" typed in New order is saved as 123456 centavos and shown as R$ 1.234,56; "-10" is refused at the field', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');

  await orders.openNew({ number: '5001', customer: 'Ana Lima', phone: '(11) 98765-4321', total: '1.234,56' });
  await expect(orders.newOrderField('total')).toHaveValue('R$ 1.234,56');
  await orders.submitNew();
  await expect(page.getByText('Pedido #5001 criado.')).toBeVisible();
  expect(await orderTotals(app.host)).toEqual([['5001', 123456]]);
  await expect(orders.drawer()).toContainText('R$ 1.234,56');
  await page.keyboard.press('Escape');
  await expect(orders.rows().filter({ hasText: '5001' })).toContainText('R$ 1.234,56');

  await orders.openNew({ number: '5002', customer: 'Bruno Reis', phone: '(11) 98765-4322', total: '-10' });
  await expect(orders.newOrderField('total')).toHaveAccessibleDescription(/O valor não pode ser negativo\./);
  await orders.submitNew();
  await expect(orders.newOrderField('total')).toHaveAccessibleDescription(/O valor não pode ser negativo\./);
  await expect(page.getByRole('dialog', { name: 'Novo pedido' })).toBeVisible();
  expect(await orderTotals(app.host)).toEqual([['5001', 123456]]);
});

test('New order: cancelling and reopening shows an empty form', async ({ page, app }) => {
  const shell = new Shell(page);
  const orders = new OrdersPage(page);
  await shell.open(app.host.url);
  await shell.goTo('orders');
  await orders.openNew({ number: '7001', customer: 'Carla Dias', total: '99,90' });
  await orders.cancelNew();
  await orders.openNew();
  await expect(orders.newOrderField('number')).toHaveValue('');
  await expect(orders.newOrderField('customer')).toHaveValue('');
  await expect(orders.newOrderField('total')).toHaveValue('');
  // Closing with Escape forgets the entry too.
  await orders.newOrderField('number').fill('7002');
  await page.keyboard.press('Escape');
  await orders.openNew();
  await expect(orders.newOrderField('number')).toHaveValue('');
});

test('webhook opt-out: a too-long word is named at its field, the other edits stay; fixed, Salvar saves them and a reload shows them', async ({ page, app }) => {
  const shell = new Shell(page);
  const webhook = new WebhookPage(page);
  await shell.open(app.host.url);
  await shell.goTo('webhook');
  await webhook.addTag('words', 'quero sair');
  await webhook.addTag('payloads', 'STOP_PROMO');
  await webhook.addTag('words', 'x'.repeat(70));
  await webhook.saveOptOut();
  await expect(webhook.optOutWords()).toHaveAccessibleDescription(/máximo 60 caracteres/);
  await expect(page.getByText('quero sair', { exact: true })).toBeVisible();
  await expect(page.getByText('STOP_PROMO', { exact: true })).toBeVisible();
  const before = await callContract(app.host, 'webhook.getSettings', {});
  expect(before.optOutKeywords).not.toContain('quero sair');

  await webhook.removeLastTag('words');
  await webhook.saveOptOut();
  await expect(page.getByText('Alterações salvas')).toBeVisible();
  const saved = await callContract(app.host, 'webhook.getSettings', {});
  expect(saved.optOutKeywords).toContain('quero sair');
  expect(saved.optOutButtonPayloads).toEqual(['STOP_PROMO']);

  await page.reload();
  await expect(page.getByText('quero sair', { exact: true })).toBeVisible();
  await expect(page.getByText('STOP_PROMO', { exact: true })).toBeVisible();
});

test('unsaved edits: leaving Dispatch settings or Templates asks first; "keep editing" keeps them, "save and leave" saves them', async ({ page, app }) => {
  const shell = new Shell(page);
  const dispatch = new DispatchPage(page);
  const dialog = new UnsavedDialog(page);
  await shell.open(app.host.url);
  await shell.goTo('dispatch');
  await dispatch.set('maxPerBatch', '7');
  await shell.goTo('templates');
  await expect(dialog.root()).toBeVisible();
  await dialog.keepEditing();
  await expect(dialog.root()).toBeHidden();
  await expect(dispatch.field('maxPerBatch')).toHaveValue('7');
  await expect(page).toHaveURL(/#\/dispatch$/);

  await shell.goTo('templates');
  await dialog.saveAndLeave();
  await expect(page).toHaveURL(/#\/templates$/);
  expect((await callContract(app.host, 'dispatch.getSettings', {})).maxPerBatch).toBe(7);

  const language = page.getByTestId('field-defaultLanguage');
  await language.fill('es_AR');
  await shell.goTo('status');
  await expect(dialog.root()).toBeVisible();
  await dialog.keepEditing();
  await expect(language).toHaveValue('es_AR');
  // The browser's back button asks too.
  await page.goBack();
  await expect(dialog.root()).toBeVisible();
  await dialog.discard();
  await expect(page).toHaveURL(/#\/dispatch$/);
  await expect(dispatch.field('maxPerBatch')).toHaveValue('7');
  expect((await callContract(app.host, 'templates.getSettings', {})).defaultLanguage).not.toBe('es_AR');
});

test('whole numbers: "8,5" in an integer field is refused with a message, not turned into 85', async ({ page, app }) => {
  const shell = new Shell(page);
  const dispatch = new DispatchPage(page);
  await shell.open(app.host.url);
  await shell.goTo('dispatch');
  const before = await callContract(app.host, 'dispatch.getSettings', {});
  await dispatch.field('lookbackDays').fill('');
  await dispatch.field('lookbackDays').pressSequentially('8,5');
  await expect(dispatch.field('lookbackDays')).toHaveValue('8,5');
  await expect(dispatch.field('lookbackDays')).toHaveAccessibleDescription(/Use um número inteiro, sem casas decimais\./);
  await dispatch.save();
  await expect(page.getByText('Alguns campos precisam de correção. Veja as mensagens abaixo de cada campo.')).toBeVisible();
  expect((await callContract(app.host, 'dispatch.getSettings', {})).lookbackDays).toBe(before.lookbackDays);
});
