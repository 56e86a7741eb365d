import type { Page } from '@playwright/test';

/** "Webhook configuration" screen. */
export class WebhookPage {
  constructor(private readonly page: Page) {}
  url() {
    return this.page.getByTestId('webhook-url');
  }
  verified() {
    return this.page.getByTestId('webhook-verified');
  }
  async revealToken() {
    await this.page.getByTestId('reveal-token').click();
    return this.page.getByTestId('verify-token');
  }
}
