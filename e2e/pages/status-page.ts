import type { Page } from '@playwright/test';

/** "Connection status" screen. */
export class StatusPage {
  constructor(private readonly page: Page) {}

  card(name: 'api' | 'phone' | 'today' | 'queue' | 'tunnel' | 'chart' | 'cost') {
    return this.page.getByTestId(`card-${name}`);
  }

  sandboxBadge() {
    return this.page.getByTestId('sandbox-badge');
  }
}
