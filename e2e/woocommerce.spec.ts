import { FakeWooStore } from '../electron/core/orders/woocommerce/testing/fake-woo-server';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { expect, snapshot, test } from './support/fixtures';

/**
 * The WooCommerce connection from the Orders screen against the tests' fake store (REST v3 over
 * real HTTP on 127.0.0.1): a wrong key explained, a custom status mapped, test, sync, and the
 * store's orders in the order book with the tracking code a plugin saved.
 */
test('WooCommerce: wrong key explained; custom status mapped; test and sync bring the orders in', async ({ page, app }) => {
  const store = new FakeWooStore();
  await store.listen();
  store.now = Date.now();
  const paid = store.addOrder({ status: 'processing' });
  const shipped = store.addOrder({ status: 'enviado', billing: { ...paid.billing, first_name: 'Rita', last_name: 'Melo', phone: '(21) 97654-3210' } });
  store.setMeta(shipped.id, '_correios_tracking_code', 'QR123456789BR');

  try {
    const shell = new Shell(page);
    const orders = new OrdersPage(page);
    await shell.open(app.host.url);
    await shell.goTo('orders');
    await orders.tab('connections');

    // Before anything is set up, "Sincronizar agora" says what is missing instead of doing nothing.
    await page.getByTestId('woo-sync').click();
    await expect(page.getByTestId('woo-result')).toContainText('Preencha o endereço da loja');

    await page.getByLabel('Buscar pedidos da loja').check();
    await page.getByTestId('woo-url').fill(store.url);
    await page.getByTestId('woo-key').fill('ck_wrongwrongwrongwrongwrongwrongwrongwrong1');
    await page.getByTestId('woo-secret').fill(store.secret);
    await page.getByTestId('woo-save').click();
    await expect(page.getByText('Alterações salvas')).toBeVisible();
    await page.getByTestId('woo-test').click();
    await expect(page.getByTestId('woo-result')).toContainText('Chave ou segredo incorretos');

    await page.getByTestId('woo-key').fill(store.key);
    // The shop's own status "Enviado" (wc-enviado in wp-admin) means: shipped.
    await page.getByTestId('woo-new-status').fill('wc-enviado');
    await page.getByTestId('woo-add-status').click();
    await page.getByTestId('woo-target-enviado').click();
    await page.getByRole('option', { name: 'Enviado (usa o código de rastreio)' }).click();
    await expect(page.getByTestId('woo-test')).toBeDisabled();
    await page.getByTestId('woo-save').click();
    await expect(page.getByTestId('woo-test')).toBeEnabled();

    await page.getByTestId('woo-test').click();
    await expect(page.getByTestId('woo-result')).toContainText('Conexão funcionando: 2 pedidos visíveis');
    await page.getByTestId('woo-sync').click();
    await expect(page.getByTestId('woo-result')).toContainText('2 pedidos lidos');
    await snapshot(page, 'woocommerce');

    await orders.tab('book');
    await expect(orders.rows()).toHaveCount(2);
    await expect(page.getByTestId('orders-table')).toContainText(`#${paid.number}`);
    await orders.rows().filter({ hasText: `#${shipped.number}` }).click();
    await expect(orders.drawer().getByTestId('shipments')).toContainText('QR123456789BR');

    // The mapping was saved: a reload shows the custom row.
    await page.reload();
    await shell.goTo('orders');
    await orders.tab('connections');
    await expect(page.getByTestId('woo-mapping')).toContainText('enviado');
  } finally {
    await store.close();
  }
});
