import type { Page } from '@playwright/test';

export type DispatchField = 'pollingIntervalSeconds' | 'minDelaySeconds' | 'maxDelaySeconds' | 'maxPerBatch' | 'lookbackDays';

/** "Dispatch settings & anti-ban" screen. */
export class DispatchPage {
  constructor(private readonly page: Page) {}

  field(name: DispatchField) {
    return this.page.getByTestId(`field-${name}`);
  }

  async set(name: DispatchField, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  masterSwitch() {
    return this.page.getByTestId('field-enabled');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-dispatch').click();
  }
}
