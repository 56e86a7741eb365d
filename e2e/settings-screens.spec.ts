import { Shell } from './pages/shell';
import { TemplatesPage } from './pages/templates-page';
import { sandboxMeta } from './support/sandbox-meta';
import { expect, snapshot, test } from './support/fixtures';

test('notification events: the six toggles with the wireframe texts, saved at once and remembered', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.host.url);
  await shell.goTo('events');
  for (const label of ['Pedido realizado', 'Pedido em processamento', 'Envio criado', 'Envio entregue', 'Pedido cancelado', 'Reembolso emitido']) {
    await expect(page.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('Envia o código de rastreio e a transportadora quando um envio é criado para o pedido.')).toBeVisible();
  const refund = page.getByTestId('event-refund_issued');
  await expect(refund).toBeChecked();
  // Mantine's switch input covers its whole row, so the row is what a person clicks.
  await page.getByRole('switch', { name: /^Reembolso emitido/ }).click();
  await expect(page.getByText('Evento atualizado')).toBeVisible();

  await page.getByRole('switch', { name: /^Ativar envios/ }).click();
  await expect(page.getByText('Os envios estão pausados no interruptor geral.', { exact: false })).toBeVisible();
  await snapshot(page, 'events');

  await page.reload();
  await expect(page.getByTestId('event-refund_issued')).not.toBeChecked();
  await expect(page.getByTestId('event-order_placed')).toBeChecked();
  await expect(page.getByTestId('master-switch')).not.toBeChecked();
});

test('notification events: an event that is on but whose template Meta would refuse says so, with the fix', async ({ page, app }) => {
  // At Meta (the Sandbox), the delivery template gets paused by a quality drop.
  await (await sandboxMeta(app.host)).review('pedido_entregue', 'PAUSED');
  const shell = new Shell(page);
  await shell.open(app.host.url);
  await shell.goTo('templates');
  await expect(new TemplatesPage(page).templateRow('pedido_entregue')).toContainText('Pausado');
  await shell.goTo('events');
  const warning = page.getByTestId('event-refused-shipment_delivered');
  await expect(warning).toContainText('Ligado, mas a Meta recusaria o modelo deste aviso');
  await expect(warning).toContainText('132015');
  await expect(page.getByTestId('event-refused-order_placed')).toHaveCount(0);
  await snapshot(page, 'events-refused');
  // Switched off, there is nothing to warn about.
  await page.getByRole('switch', { name: /^Envio entregue/ }).click();
  await expect(warning).toHaveCount(0);
  await warning.page().getByRole('switch', { name: /^Envio entregue/ }).click();
  await expect(warning).toBeVisible();
  await warning.getByRole('link', { name: 'Ajustar em Modelos de mensagem' }).click();
  await expect(page).toHaveURL(/#\/templates$/);
});

test('tracking URLs: prefilled Brazilian carriers, validation, add, reorder, delete, test link', async ({ page, app }) => {
  const shell = new Shell(page);
  await shell.open(app.host.url);
  await shell.goTo('tracking');
  const firstRow = page.getByTestId('carrier-row-0');
  await expect(firstRow.getByRole('textbox').first()).toHaveValue('Correios');
  await expect(firstRow.getByRole('link', { name: 'Testar' })).toHaveAttribute(
    'href',
    'https://rastreamento.correios.com.br/app/index.php?objetos=QR123456789BR',
  );

  await page.getByTestId('field-defaultUrl').fill('https://example.com/track');
  await page.getByTestId('save-tracking').click();
  await expect(page.getByText('Use um endereço https com {tracking} no lugar do código', { exact: false })).toBeVisible();
  await page.getByTestId('field-defaultUrl').fill('https://rastreio.minhaloja.com.br/{tracking}');

  await page.getByTestId('add-carrier').click();
  const rows = page.getByTestId('carrier-table').locator('tbody tr');
  const count = await rows.count();
  const added = rows.nth(count - 1);
  await added.getByRole('textbox').nth(0).fill('Transportadora Zé');
  await added.getByRole('textbox').nth(1).fill('https://ze.com.br/r/{tracking}');
  await added.getByRole('button', { name: 'Subir Transportadora Zé' }).click();
  await page.getByRole('button', { name: 'Remover Jadlog' }).click();
  await page.getByTestId('save-tracking').click();
  await expect(page.getByText('Alterações salvas')).toBeVisible();
  await snapshot(page, 'tracking');

  await page.reload();
  await expect(page.getByTestId('field-defaultUrl')).toHaveValue('https://rastreio.minhaloja.com.br/{tracking}');
  const names = await page.getByTestId('carrier-table').locator('tbody tr td:first-child input').evaluateAll((inputs) =>
    inputs.map((input) => (input as HTMLInputElement).value),
  );
  expect(names).not.toContain('Jadlog');
  expect(names.indexOf('Transportadora Zé')).toBe(names.length - 2);
});
