import { FakeWooStore } from '../electron/core/orders/woocommerce/testing/fake-woo-server';
import { OrdersPage } from './pages/orders-page';
import { Shell } from './pages/shell';
import { callContract } from './support/contract';
import { expect, snapshot, test } from './support/fixtures';

/**
 * An order the store sends with a crypto plugin's currency ("USDT") and one with a broken total
 * ("1e999") are refused alone: the good order of the same page is in the book, the refused ones
 * are under "Pedidos recusados" with the field, the reason and what to fix, in Portuguese; fixing
 * one at the store takes it off the list, and "Dispensar" hides another.
 */
test('Pedidos recusados: refused alone, shown in words, gone once fixed at the store', async ({ page, app }) => {
  const store = new FakeWooStore();
  await store.listen();
  store.now = Date.now();
  const good = store.addOrder({ status: 'processing' });
  const usdt = store.addOrder({ status: 'processing', currency: 'USDT', billing: { first_name: 'Caio', last_name: 'Reis', phone: '(11) 92222-3333' } });
  const infinite = store.addOrder({ status: 'processing' });
  store.corrupt(infinite.id, { total: '1e999' });

  try {
    const shell = new Shell(page);
    const orders = new OrdersPage(page);
    await callContract(app.host, 'woocommerce.saveSettings', { enabled: true, storeUrl: store.url, consumerKey: store.key, consumerSecret: store.secret });
    await shell.open(app.host.url);
    await shell.goTo('orders');
    await orders.tab('connections');
    await page.getByTestId('woo-sync').click();
    await expect(page.getByTestId('woo-result')).toContainText('1 pedidos lidos');
    await expect(page.getByTestId('woo-result')).toContainText('2 pedidos recusados');
    await expect(orders.refusedCount()).toHaveText('2');

    await orders.tab('book');
    await expect(orders.rows()).toHaveCount(1);
    await expect(page.getByTestId('orders-table')).toContainText(`#${good.number}`);

    await orders.tab('refused');
    await expect(orders.refusedOrders()).toHaveCount(2);
    const usdtCard = orders.refusedOrders().filter({ hasText: `Pedido #${usdt.number}` });
    await expect(usdtCard).toContainText('Moeda: Use um código de moeda ISO de 3 letras, como BRL ou USD.');
    await expect(usdtCard).toContainText('Valor recebido: "USDT"');
    await expect(usdtCard).toContainText('WooCommerce → Pedidos');
    const totalCard = orders.refusedOrders().filter({ hasText: `Pedido #${infinite.number}` });
    await expect(totalCard).toContainText('Total do pedido: Use um valor em dinheiro válido');
    await expect(totalCard).toContainText('Valor recebido: "1e999"');
    await snapshot(page, 'refused-orders');

    // Fixed at the store: the next sync imports it and the list follows (pushed event).
    store.now += 60_000;
    store.update(usdt.id, (o) => void (o.currency = 'BRL'));
    await callContract(app.host, 'woocommerce.syncNow', {});
    await expect(orders.refusedOrders()).toHaveCount(1);
    await expect(orders.refusedCount()).toHaveText('1');

    await totalCard.getByTestId('refused-dismiss').click();
    await expect(page.getByText('Pedido dispensado.')).toBeVisible();
    await expect(page.getByTestId('refused-empty')).toBeVisible();
    await expect(orders.refusedCount()).toHaveCount(0);
  } finally {
    await store.close();
  }
});
