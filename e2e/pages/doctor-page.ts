import type { Page } from '@playwright/test';

/** The Diagnóstico screen: run, verdict per check, fixes. */
export class DoctorPage {
  constructor(private readonly page: Page) {}

  async run(): Promise<void> {
    const before = await this.page.getByTestId('doctor-ran-at').getAttribute('data-at');
    await this.page.getByTestId('doctor-run').click();
    // A new run carries a new time (ms), also within the same minute.
    await this.page.waitForFunction((at) => document.querySelector('[data-testid="doctor-ran-at"]')?.getAttribute('data-at') !== at, before);
  }

  check(id: string) {
    return this.page.getByTestId(`doctor-check-${id}`);
  }

  overall() {
    return this.page.getByTestId('doctor-overall');
  }

  /** Every check's verdict, in order. */
  async verdicts(): Promise<string[]> {
    return this.page.locator('[data-testid^="doctor-check-"]').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-testid')?.replace('doctor-check-', '')}:${r.getAttribute('data-verdict')}`));
  }
}
