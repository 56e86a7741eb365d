import { expect, type Page } from '@playwright/test';
import { Shell } from './shell';

/** "Orders" screen: order book, CSV import, connections. */
export class OrdersPage {
  constructor(private readonly page: Page) {}
  async tab(name: 'book' | 'import' | 'connections' | 'refused') {
    await this.page.getByTestId(`tab-${name}`).click();
  }
  async create(order: { number: string; customer: string; phone: string; total: string }) {
    await this.page.getByTestId('new-order').click();
    await this.page.getByTestId('order-number').fill(order.number);
    await this.page.getByTestId('order-customer').fill(order.customer);
    await this.page.getByTestId('order-phone').fill(order.phone);
    await this.page.getByTestId('order-total').fill(order.total);
    await this.page.getByTestId('create-order').click();
  }
  /** Opens "New order" and fills what is given; the total is typed key by key, as a person does. */
  async openNew(order: { number?: string; customer?: string; phone?: string; total?: string } = {}) {
    await this.page.getByTestId('new-order').click();
    if (order.number !== undefined) await this.page.getByTestId('order-number').fill(order.number);
    if (order.customer !== undefined) await this.page.getByTestId('order-customer').fill(order.customer);
    if (order.phone !== undefined) await this.page.getByTestId('order-phone').fill(order.phone);
    if (order.total !== undefined) await this.page.getByTestId('order-total').pressSequentially(order.total);
  }
  newOrderField(name: 'number' | 'customer' | 'phone' | 'total') {
    return this.page.getByTestId(`order-${name}`);
  }
  async submitNew() {
    await this.page.getByTestId('create-order').click();
  }
  async cancelNew() {
    await this.page.getByTestId('cancel-new-order').click();
  }
  rows() {
    return this.page.getByTestId('orders-table').locator('tbody tr');
  }
  /** The "Pedidos recusados" tab's count badge and its cards. */
  refusedCount() {
    return this.page.getByTestId('refused-count');
  }
  refusedOrders() {
    return this.page.getByTestId('refused-order');
  }
  drawer() {
    return this.page.getByTestId('order-drawer');
  }
  /** From any screen: Orders → the order's drawer (`#30001`), once its status shows. */
  async openOrder(number: string) {
    await new Shell(this.page).goTo('orders');
    await this.rows().filter({ hasText: `#${number}` }).click();
    await expect(this.drawer().getByTestId('order-status')).toBeVisible();
  }
  async addShipment(carrier: string, tracking: string) {
    await this.page.getByTestId('ship-carrier').fill(carrier);
    await this.page.getByTestId('ship-tracking').fill(tracking);
    await this.page.getByTestId('add-shipment').click();
  }
  async pickCsv(name: string, content: string) {
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }
}
