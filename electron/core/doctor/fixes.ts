import type { DoctorFixId } from '../../../shared/contract/methods/doctor';
import { AppError } from '../contract/app-error';
import type { CoreContext } from '../core-context';
import { toolsError } from '../tools/account-info';
import { NEWEST_TESTED_VERSION } from '../../../shared/domain/graph-versions';
import type { DoctorDeps } from './check-kit';

/** Register refusals that have their own sentence (as the Tools screen's). */
const REGISTER_REASONS: Record<number, string> = { 133005: 'wrong_pin', 133016: 'register_blocked' };

/**
 * Applies one repair through Meta's API (or Recado's own settings). Throws `AppError` with an
 * i18n key (`doctor.fixError.*` or `tools.reason.*`) and Meta's words when it is refused.
 */
export async function applyFix(ctx: CoreContext, deps: DoctorDeps, input: { fix: DoctorFixId; pin?: string | undefined; confirm?: boolean | undefined }): Promise<void> {
  const account = ctx.meta.account();
  const meta = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      const view = toolsError(error);
      ctx.logger.warn('doctor fix refused by Meta', { fix: input.fix, code: view.code });
      throw new AppError('meta_error', view.title ?? 'refused', { key: `tools.reason.${REGISTER_REASONS[view.code ?? 0] ?? view.reason}`, ...view });
    }
  };
  switch (input.fix) {
    case 'registerPhone': {
      // A number with two-step verification keeps its PIN: the guide's advice is to reuse the earlier one.
      if (!input.pin) throw new AppError('validation', 'PIN required', { issues: [{ path: 'pin', key: 'validation.pin', params: {} }] });
      const pin = input.pin;
      await meta(async () => (await ctx.meta.client()).register(account.phoneNumberId, pin));
      return;
    }
    case 'subscribeApp':
      await meta(async () => (await ctx.meta.client()).subscribeApp(account.businessAccountId));
      return;
    case 'pointWabaOverride': {
      const url = deps.callbackUrl();
      if (!url) throw new AppError('unavailable', 'no public webhook URL yet', { key: 'tools.reason.no_public_url' });
      const registration = await deps.register(url);
      if (registration.state !== 'registered') {
        throw new AppError('meta_error', registration.reason ?? 'not registered', { key: 'doctor.fixError.register', reason: registration.reason });
      }
      return;
    }
    case 'removePhoneOverride':
      // Another tool's URL: removing it sends that tool nothing anymore; the owner confirms first.
      if (input.confirm !== true) throw new AppError('validation', 'confirmation required', { key: 'doctor.fixError.confirm' });
      await meta(async () => (await ctx.meta.client()).setPhoneWebhookOverride(account.phoneNumberId, null));
      return;
    case 'switchApiVersion':
      ctx.settings.credentials.set({ ...ctx.settings.credentials.get(), apiVersion: NEWEST_TESTED_VERSION });
      return;
    case 'resumeDispatcher':
      await deps.dispatcher.resume();
      return;
  }
}
