import type { Page } from '@playwright/test';

/** Orders → "Importar CSV": pick a file, map columns, check, choose for repeated numbers, import. */
export class CsvImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-orders').click();
    await this.page.getByTestId('tab-import').click();
  }
  async pick(name: string, content: string | Buffer): Promise<void> {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await this.page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  }
  async check(): Promise<void> {
    await this.page.getByTestId('csv-check-button').click();
  }
  async chooseForDuplicates(choice: 'skip' | 'first' | 'last'): Promise<void> {
    await this.page.getByTestId(`dup-${choice}`).check();
  }
  async import(): Promise<void> {
    await this.page.getByTestId('csv-import').click();
  }
  async clearMapping(field: string): Promise<void> {
    await this.page.getByTestId(`map-${field}`).locator('..').getByRole('button').click();
  }
  /** The number shown for one group of the check (or of the result), as the owner reads it. */
  count(group: 'create' | 'update' | 'unchanged' | 'duplicates' | 'refused', where: 'check' | 'result' = 'check') {
    return this.page.getByTestId(`csv-${where}`).getByTestId(`csv-count-${group}`).locator('p').first();
  }
  counts(where: 'check' | 'result' = 'check') {
    return this.page.getByTestId(`csv-${where}`).getByTestId('csv-counts');
  }
  checkReport() {
    return this.page.getByTestId('csv-check');
  }
  result() {
    return this.page.getByTestId('csv-result');
  }
  duplicates() {
    return this.page.getByTestId('csv-duplicates');
  }
  refused() {
    return this.page.getByTestId('csv-errors');
  }
  error() {
    return this.page.getByTestId('csv-error');
  }
  missingColumns() {
    return this.page.getByTestId('csv-missing');
  }
  importButton() {
    return this.page.getByTestId('csv-import');
  }
}
