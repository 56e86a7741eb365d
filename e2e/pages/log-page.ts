import { expect, type Page } from '@playwright/test';

/** "Message Log" screen. */
export class LogPage {
  constructor(private readonly page: Page) {}
  counter(name: 'delivered' | 'read' | 'pending' | 'failed' | 'total') {
    return this.page.getByTestId(`counter-${name}`);
  }
  rows() {
    return this.page.getByTestId('log-table').locator('tbody tr');
  }
  /** The rows of one order (`#10247`). */
  rowsOf(orderNumber: string) {
    return this.rows().filter({ hasText: `#${orderNumber}` });
  }
  /** The order has `count` rows, one of them skipped because the customer asked to leave (on the blacklist), saying so. */
  async expectOneSkippedForOptOut(orderNumber: string, count: number) {
    await expect(this.rowsOf(orderNumber)).toHaveCount(count);
    const skipped = this.rowsOf(orderNumber).filter({ hasText: 'Ignorada' });
    await expect(skipped).toHaveCount(1);
    await expect(skipped.getByTestId('row-reason')).toHaveText('Número na lista de bloqueio.');
    await expect(skipped).toContainText('O cliente pediu para sair');
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
  /** In the open detail: why it was not sent, in words. */
  detailReason() {
    return this.detail().getByTestId('detail-reason');
  }
  /** In the open detail: the template and its parameters, or the text. */
  detailContent() {
    return this.detail().getByTestId('detail-content');
  }
  /** In the open detail: Meta's ID for the customer and their username. */
  detailIdentity() {
    return { bsuid: this.detail().getByTestId('detail-bsuid'), username: this.detail().getByTestId('detail-username') };
  }
  async resend() {
    await this.detail().getByTestId('resend').click();
  }
  /** The confirmation asked before resending an unconfirmed message. */
  resendConfirm() {
    return this.page.getByRole('dialog', { name: 'Reenviar esta mensagem?' });
  }
  async exportCsv() {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-csv').click();
    return download;
  }
}
