import type { Page } from '@playwright/test';

/** "Message Log" screen. */
export class LogPage {
  constructor(private readonly page: Page) {}
  counter(name: 'delivered' | 'read' | 'pending' | 'failed' | 'total') {
    return this.page.getByTestId(`counter-${name}`);
  }
  rows() {
    return this.page.getByTestId('log-table').locator('tbody tr');
  }
  async search(text: string) {
    await this.page.getByTestId('filter-search').fill(text);
  }
  async filterStatus(label: string) {
    await this.page.getByTestId('filter-status').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
  detail() {
    return this.page.getByRole('dialog', { name: 'Detalhes da mensagem' });
  }
  async exportCsv() {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-csv').click();
    return download;
  }
}
