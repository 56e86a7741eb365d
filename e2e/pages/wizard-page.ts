import type { Page } from '@playwright/test';

/** The first-run wizard (a fresh data folder shows it before the shell). */
export class WizardPage {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByTestId('wizard');
  }

  async waitForStep(step: string): Promise<void> {
    await this.page.locator(`[data-testid="wizard"][data-step="${step}"]`).waitFor();
  }

  async choose(path: 'sandbox' | 'meta'): Promise<void> {
    await this.page.getByTestId(`wizard-path-${path}`).click();
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).fill(value);
  }

  async click(testId: string): Promise<void> {
    await this.page.getByTestId(testId).click();
  }

  stepError() {
    return this.page.getByTestId('wizard-step-error');
  }

  stepOk() {
    return this.page.getByTestId('wizard-step-ok');
  }

  /** Sends the test message to `phone` and waits for its delivered receipt on screen. */
  async sendTestAndWaitDelivered(phone: string): Promise<void> {
    await this.fill('wizard-test-phone', phone);
    await this.click('wizard-test-send');
    await this.page.getByTestId('wizard-test-delivered').waitFor({ timeout: 30_000 });
  }
}
