import { Shell } from './pages/shell';
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
