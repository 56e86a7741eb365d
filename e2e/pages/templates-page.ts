import type { Page } from '@playwright/test';

type Part = 'header' | 'body' | 'button';

/** "Message templates" screen: settings, sync, one mapping per event, preview and dry run. */
export class TemplatesPage {
  constructor(private readonly page: Page) {}

  async sync(): Promise<void> {
    await this.page.getByTestId('sync-templates').click();
  }

  templateRow(name: string, language = 'pt_BR') {
    return this.page.getByTestId(`template-row-${name}-${language}`);
  }

  async openEvent(event: string): Promise<void> {
    await this.page.getByTestId(`event-tab-${event}`).click();
  }

  eventTab(event: string) {
    return this.page.getByTestId(`event-tab-${event}`);
  }

  editor(event: string) {
    return this.page.getByTestId(`mapping-${event}`);
  }

  templateSelect() {
    return this.page.getByTestId('mapping-template');
  }

  /** Picks a template from the list (options show the name and its status badge). */
  async chooseTemplate(name: string): Promise<void> {
    await this.templateSelect().click();
    await this.page.getByRole('option', { name: new RegExp(`^${name}\\b`) }).click();
  }

  param(part: Part, name: string | number) {
    return this.page.getByTestId(`param-${part}-${name}`);
  }

  /** Binds a parameter to an order field, by the field's label on screen. */
  async bindField(part: Part, name: string | number, fieldLabel: string): Promise<void> {
    const source = this.page.getByTestId(`param-${part}-${name}-source`);
    // In the middle of the window, so its dropdown opens in full instead of past the bottom edge.
    await source.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await source.click();
    await this.page.getByRole('option', { name: fieldLabel, exact: true }).click();
  }

  /** Binds a parameter to a fixed text. */
  async bindText(part: Part, name: string | number, text: string): Promise<void> {
    await this.bindField(part, name, 'Texto fixo');
    await this.page.getByTestId(`param-${part}-${name}-text`).fill(text);
  }

  async setHeaderLink(url: string): Promise<void> {
    await this.page.getByTestId('param-header-link').fill(url);
  }

  async fitToTemplate(): Promise<void> {
    await this.page.getByTestId('mapping-fit').click();
  }

  bubble() {
    return this.page.getByTestId('bubble');
  }

  bubbleBody() {
    return this.page.getByTestId('bubble-body');
  }

  previewOrder() {
    return this.page.getByTestId('preview-order');
  }

  refusedAlert() {
    return this.page.getByTestId('mapping-refused');
  }

  /** Dry run with an order of the order book: types `search` (searched by the core), picks `label`. */
  async dryRunWithOrder(search: string, label: string): Promise<void> {
    await this.page.getByTestId('dry-run-source').getByText('Pedido', { exact: true }).click();
    await this.page.getByTestId('dry-run-order').click();
    await this.page.getByTestId('dry-run-order').fill(search);
    await this.page.getByRole('option', { name: label }).click();
    await this.page.getByTestId('dry-run-button').click();
  }

  /** Dry run with the order of a message in the log: types `search`; `label` is part of the option (`#10300`). */
  async dryRunWithLogMessage(search: string, label: string): Promise<void> {
    await this.page.getByTestId('dry-run-source').getByText('Registro', { exact: true }).click();
    await this.page.getByTestId('dry-run-log').click();
    await this.page.getByTestId('dry-run-log').fill(search);
    await this.page.getByRole('option', { name: label }).first().click();
    await this.page.getByTestId('dry-run-button').click();
  }

  dryRunResult() {
    return this.page.getByTestId('dry-run-result');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-templates').click();
  }
}
