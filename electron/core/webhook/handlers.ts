import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';
import type { WebhookService } from './webhook-service';

export function webhookHandlers(
  ctx: CoreContext,
  service: WebhookService,
): HandlersFor<'webhook.status' | 'webhook.getSettings' | 'webhook.saveSettings'> {
  return {
    'webhook.status': () => service.status(),
    'webhook.getSettings': () => ctx.settings.webhook.get(),
    'webhook.saveSettings': (input) => ctx.settings.webhook.set(input),
  };
}
