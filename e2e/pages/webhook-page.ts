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
  optOutWords() {
    return this.page.getByTestId('optout-keywords');
  }
  optOutPayloads() {
    return this.page.getByTestId('optout-payloads');
  }
  /** Types a word into a list field and presses Enter, as the owner adds a tag. */
  async addTag(field: 'words' | 'payloads', word: string): Promise<void> {
    const input = field === 'words' ? this.optOutWords() : this.optOutPayloads();
    await input.fill(word);
    await input.press('Enter');
  }
  /** Removes the last tag of a list field (Backspace in its empty input). */
  async removeLastTag(field: 'words' | 'payloads'): Promise<void> {
    const input = field === 'words' ? this.optOutWords() : this.optOutPayloads();
    await input.click();
    await input.press('Backspace');
  }
  async saveOptOut(): Promise<void> {
    await this.page.getByTestId('save-optout').click();
  }
}
