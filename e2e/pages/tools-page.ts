import type { Page } from '@playwright/test';

/** "Tools" screen: account information, phone registration, webhook update, Sandbox switch. */
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
}
