import type { Page } from '@playwright/test';

/** "Tools" screen: account information, phone registration, webhook update, Sandbox switch, test message. */
export class ToolsPage {
  constructor(private readonly page: Page) {}
  accountInfo() {
    return this.page.getByTestId('account-info');
  }
  sandboxSwitch() {
    return this.page.getByTestId('sandbox-switch');
  }
  async updateWebhook() {
    await this.page.getByTestId('update-webhook').click();
    return this.page.getByTestId('update-result');
  }
  async register(pin: string) {
    const inputs = this.page.getByTestId('register-pin').locator('input');
    for (let i = 0; i < pin.length; i++) await inputs.nth(i).fill(pin[i]!);
    await this.page.getByTestId('register-phone').click();
  }
  /**
   * Sandbox mode: plays the customer (by phone, or by WhatsApp username such as `@anacosta`)
   * sending `text` to the shop; returns the card.
   */
  async customerReplies(customer: string, text: string) {
    const card = this.page.getByTestId('customer-reply');
    await card.getByTestId('reply-phone').fill(customer);
    await card.getByTestId('reply-text').fill(text);
    await card.getByTestId('reply-send').click();
    return card;
  }
  sendTestCard() {
    return this.page.getByTestId('send-test');
  }
  /** Sends a test message: the event's template (by its label) or a free text. */
  async sendTest(phone: string, what: { event: string } | { text: string }) {
    const card = this.sendTestCard();
    await card.getByTestId('send-test-phone').fill(phone);
    if ('text' in what) {
      await card.getByText('Texto livre', { exact: true }).click();
      await card.getByTestId('send-test-text').fill(what.text);
    } else {
      await card.getByTestId('send-test-event').click();
      await this.page.getByRole('option', { name: what.event, exact: true }).click();
    }
    await card.getByTestId('send-test-button').click();
    return card.getByTestId('send-test-result');
  }
}
