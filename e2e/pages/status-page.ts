import { expect, type Page } from '@playwright/test';
import { Shell } from './shell';

/** "Connection status" screen. */
export class StatusPage {
  constructor(private readonly page: Page) {}

  card(name: 'api' | 'phone' | 'today' | 'queue' | 'tunnel' | 'chart' | 'cost' | 'dispatch') {
    return this.page.getByTestId(`card-${name}`);
  }

  sandboxBadge() {
    return this.page.getByTestId('sandbox-badge');
  }

  /** The dispatcher's state in words ("Enviando", "Pausado por você"…). */
  dispatchState() {
    return this.page.getByTestId('dispatch-state');
  }

  /** "Próximo envio em 4 min 59 s". */
  countdown() {
    return this.page.getByTestId('dispatch-countdown');
  }

  /** Seconds the countdown shows now (null when it shows something else). */
  async secondsToNextDispatch(): Promise<number | null> {
    const text = (await this.countdown().textContent()) ?? '';
    if (!/\d/.test(text)) return null;
    const part = (unit: string) => Number(new RegExp(`(\\d+) ${unit}\\b`).exec(text)?.[1] ?? 0);
    return part('h') * 3600 + part('min') * 60 + part('s');
  }

  pauseReason() {
    return this.page.getByTestId('dispatch-pause-reason');
  }

  async pause() {
    await this.page.getByTestId('dispatch-pause').click();
  }

  async resume() {
    await this.page.getByTestId('dispatch-resume').click();
  }

  async sendNow() {
    await this.page.getByTestId('dispatch-send-now').click();
  }

  /** From any screen: Status → "Enviar agora" once sending runs, as the owner does instead of waiting for the next run; waits for the confirmation. */
  async goAndSendNow() {
    await new Shell(this.page).goTo('status');
    await expect(this.dispatchState()).toHaveText('Enviando');
    await this.sendNow();
    await expect(this.page.getByText('Verificando pedidos e enviando a fila agora.').last()).toBeVisible();
  }
}
