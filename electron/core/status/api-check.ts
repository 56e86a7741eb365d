import type { ApiCheck } from '../../../shared/contract/methods/status';
import type { CoreContext } from '../core-context';
import { problemView } from '../whatsapp/problem-view';

const FIELDS = ['display_phone_number', 'verified_name', 'quality_rating'] as const;

/**
 * Asks Meta (or the Sandbox) for the connected number: the cheapest call that proves the token,
 * the phone-number id and the API version all work together.
 */
export async function checkApi(ctx: CoreContext): Promise<ApiCheck> {
  const account = ctx.meta.account();
  const base = {
    checkedAt: ctx.clock.now(),
    apiVersion: account.apiVersion,
    phoneNumberId: account.phoneNumberId,
    displayPhoneNumber: null,
    verifiedName: null,
    qualityRating: null,
  };
  const hasToken = ctx.meta.mode === 'sandbox' || ctx.secrets.get('accessToken') !== null;
  if (!account.phoneNumberId || !hasToken) {
    return { ...base, state: 'not_configured', problem: { problem: 'not_configured', code: null, title: null, details: null, fbtraceId: null } };
  }
  try {
    const phone = await (await ctx.meta.client()).getPhoneNumber(account.phoneNumberId, FIELDS);
    return {
      ...base,
      state: 'connected',
      displayPhoneNumber: phone.display_phone_number ?? null,
      verifiedName: phone.verified_name ?? null,
      qualityRating: phone.quality_rating ?? null,
      problem: null,
    };
  } catch (error) {
    ctx.logger.warn('API check failed', { error });
    return { ...base, state: 'error', problem: problemView(error) };
  }
}
