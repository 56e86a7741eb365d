import type { Page } from '@playwright/test';

/** "Blacklist" screen. */
export class BlacklistPage {
  constructor(private readonly page: Page) {}
  count() {
    return this.page.getByTestId('blacklist-count');
  }
  async add(phone: string, reason: string) {
    await this.page.getByTestId('bl-phone').fill(phone);
    await this.page.getByTestId('bl-reason').fill(reason);
    await this.page.getByTestId('bl-add').click();
  }
  async search(text: string) {
    await this.page.getByTestId('bl-search').fill(text);
  }
  /** In a row: which of the customer's identifiers the entry matched, in words. */
  matchedBy(row: ReturnType<BlacklistPage['rows']>) {
    return row.locator('td').nth(1);
  }
  rows() {
    return this.page.getByTestId('bl-table').locator('tbody tr');
  }
  async remove(phone: string) {
    await this.page.getByRole('button', { name: `Desbloquear ${phone}` }).click();
    await this.page.getByTestId('bl-confirm-remove').click();
  }
}
