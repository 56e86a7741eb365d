import type { Page } from '@playwright/test';

/** The app shell: navigation and preferences. */
export class Shell {
  constructor(private readonly page: Page) {}

  /**
   * Opens the app. A fresh data folder shows the first-run wizard first; tests about other screens
   * skip it here (its own spec, wizard.spec.ts, walks it), so they start where a set-up owner would.
   */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    const nav = this.page.getByTestId('nav-status');
    const skip = this.page.getByTestId('wizard-skip');
    await nav.or(skip).first().waitFor();
    if (await skip.isVisible()) {
      await skip.click();
      await nav.waitFor();
    }
  }

  async goTo(screen: string): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
  }

  nav(screen: string) {
    return this.page.getByTestId(`nav-${screen}`);
  }

  async chooseLanguage(label: 'English' | 'Português (Brasil)'): Promise<void> {
    await this.page.getByTestId('language-select').click();
    await this.page.getByRole('option', { name: label }).click();
  }
}

/** "Descartar alterações?": asked before leaving a screen with unsaved edits. */
export class UnsavedDialog {
  constructor(private readonly page: Page) {}
  root() {
    return this.page.getByRole('dialog', { name: 'Descartar alterações?' });
  }
  async keepEditing(): Promise<void> {
    await this.page.getByTestId('unsaved-keep').click();
  }
  async discard(): Promise<void> {
    await this.page.getByTestId('unsaved-discard').click();
  }
  async saveAndLeave(): Promise<void> {
    await this.page.getByTestId('unsaved-save').click();
  }
}
