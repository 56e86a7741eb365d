import type { Page } from '@playwright/test';

export interface CredentialValues {
  accessToken?: string;
  appSecret?: string;
  phoneNumberId?: string;
  appId?: string;
  businessAccountId?: string;
  apiVersion?: string;
}

/** "API credentials" screen. */
export class CredentialsPage {
  constructor(private readonly page: Page) {}

  field(name: keyof CredentialValues) {
    return this.page.getByTestId(`field-${name}`);
  }

  async fill(values: CredentialValues): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined) await this.field(name as keyof CredentialValues).fill(value);
    }
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-credentials').click();
  }

  secretStatus(name: 'accessToken' | 'appSecret') {
    return this.page.getByTestId(`${name}-status`);
  }
}
