import type { CallbackRegistration } from '../../../shared/contract/methods/tunnel';
import { AppError } from '../contract/app-error';
import type { GroupHandlers } from '../contract/handlers';
import type { toolsMethods } from '../../../shared/contract/methods/tools';
import type { CoreContext } from '../core-context';
import { accountInfo, toolsError } from './account-info';

export interface ToolsDeps {
  /** The URL Meta should call now: the tunnel's (live) or the local webhook's (Sandbox); null if none. */
  callbackUrl(): string | null;
  /** Registers a callback URL at Meta now (the session's registrar; never rejects). */
  register(callbackUrl: string): Promise<CallbackRegistration>;
}

/** Registration codes that deserve their own sentence (the classifier files both as `registration`). */
const REGISTER_REASONS: Record<number, string> = { 133005: 'wrong_pin', 133016: 'register_blocked' };

export function toolsHandlers(ctx: CoreContext, deps: ToolsDeps): GroupHandlers<typeof toolsMethods> {
  return {
    'tools.accountInfo': () => accountInfo(ctx, deps.callbackUrl()),
    'tools.registerPhone': async ({ pin }) => {
      const { phoneNumberId } = ctx.meta.account();
      if (!phoneNumberId) throw new AppError('validation', 'no phone number id', { key: 'tools.reason.not_configured' });
      try {
        await (await ctx.meta.client()).register(phoneNumberId, pin);
      } catch (error) {
        const view = toolsError(error);
        ctx.logger.warn('phone registration refused', { reason: view.reason, code: view.code });
        throw new AppError('meta_error', view.title ?? 'registration failed', { key: `tools.reason.${REGISTER_REASONS[view.code ?? 0] ?? view.reason}`, ...view });
      }
      ctx.logger.info('phone number registered at Meta', { phoneNumberId });
      return { registered: true };
    },
    'tools.updateWebhook': async () => {
      const url = deps.callbackUrl();
      if (!url) throw new AppError('unavailable', 'no public webhook URL yet', { key: 'tools.reason.no_public_url' });
      return deps.register(url);
    },
  };
}
