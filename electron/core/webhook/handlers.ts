import { randomBytes } from 'node:crypto';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import type { GroupHandlers } from '../contract/handlers';
import type { webhookMethods } from '../../../shared/contract/methods/webhook';
import type { CoreContext } from '../core-context';
import type { WebhookService } from './webhook-service';

export function webhookHandlers(
  ctx: CoreContext,
  service: WebhookService,
): GroupHandlers<typeof webhookMethods> {
  return {
    'webhook.status': () => service.status(),
    'webhook.keepCurrentPort': () => {
      const kept = service.keepCurrentPort();
      ctx.logger.info('webhook port kept after a conflict', kept);
      return kept;
    },
    'webhook.getSettings': () => ctx.settings.webhook.get(),
    'webhook.saveSettings': (input) => ctx.settings.webhook.set(input),
    'webhook.revealVerifyToken': () => {
      ctx.logger.info('verify token revealed to the owner');
      return { verifyToken: ctx.secrets.get('verifyToken') };
    },
    'webhook.regenerateVerifyToken': async () => {
      const verifyToken = randomBytes(24).toString('base64url');
      ctx.secrets.set('verifyToken', verifyToken);
      ctx.logger.info('verify token regenerated');
      // Sandbox: the emulator plays the App Dashboard; give it the new token like the owner would.
      const emulator = await ctx.meta.sandbox();
      const port = service.port();
      if (emulator && port !== null) {
        await emulator.control.setAppCallback({ url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, verifyToken });
      }
      return { verifyToken };
    },
  };
}
