import type { ToolsAccountInfo, ToolsError, ToolsPart, ToolsPhoneInfo } from '../../../shared/contract/methods/tools';
import type { CoreContext } from '../core-context';
import { DEMO } from '../sandbox/demo-world';
import { GraphError } from '../whatsapp/graph-error';
import { PHONE_FIELDS, type PhoneNumberInfo } from '../whatsapp/graph-schemas';

/** Any failure → what the screen shows: a reason it explains in words, and Meta's own code and text. */
export function toolsError(error: unknown): ToolsError {
  if (error instanceof GraphError) {
    const meta = error.meta;
    const kind = error.failure.kind;
    return {
      reason: kind === 'network' || kind === 'timeout' ? kind : error.classification.reason,
      code: meta?.code ?? null,
      title: meta?.title ?? null,
      details: meta?.details ?? null,
      fbtraceId: meta?.fbtraceId ?? null,
    };
  }
  return { reason: 'unknown', code: null, title: error instanceof Error ? error.message : null, details: null, fbtraceId: null };
}

const notConfigured = (what: string): ToolsPart<never> => ({
  ok: false,
  error: { reason: 'not_configured', code: null, title: null, details: what, fbtraceId: null },
});

async function part<T>(run: () => Promise<T>): Promise<ToolsPart<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: toolsError(error) };
  }
}

export function phoneView(p: PhoneNumberInfo): ToolsPhoneInfo {
  return {
    id: p.id,
    displayPhoneNumber: p.display_phone_number ?? null,
    verifiedName: p.verified_name ?? null,
    qualityRating: p.quality_rating ?? null,
    codeVerificationStatus: p.code_verification_status ?? null,
    status: p.status ?? null,
    nameStatus: p.name_status ?? null,
    platformType: p.platform_type ?? null,
    throughput: p.throughput?.level ?? null,
    accountMode: p.account_mode ?? null,
    messagingLimitTier: p.messaging_limit_tier ?? null,
    webhook: {
      application: p.webhook_configuration?.application ?? null,
      whatsappBusinessAccount: p.webhook_configuration?.whatsapp_business_account ?? null,
      phoneNumber: p.webhook_configuration?.phone_number ?? null,
    },
  };
}

/** The account information, each Graph call on its own (in parallel), never throwing for Meta's refusals. */
export async function accountInfo(ctx: CoreContext, expectedCallbackUrl: string | null): Promise<ToolsAccountInfo> {
  const account = ctx.meta.account();
  const client = await ctx.meta.client();
  const sandbox = ctx.meta.mode === 'sandbox';
  const accessToken = sandbox ? DEMO.accessToken : ctx.secrets.get('accessToken');
  const appSecret = ctx.meta.appSecret();

  const [phone, phoneNumbers, subscribedApps, token] = await Promise.all([
    account.phoneNumberId ? part(async () => phoneView(await client.getPhoneNumber(account.phoneNumberId, PHONE_FIELDS))) : notConfigured('phoneNumberId'),
    account.businessAccountId
      ? part(async () => (await client.listPhoneNumbers(account.businessAccountId, { fields: PHONE_FIELDS, limit: 100 })).data.map(phoneView))
      : notConfigured('businessAccountId'),
    account.businessAccountId
      ? part(async () =>
          (await client.getSubscribedApps(account.businessAccountId)).map((app) => ({
            appId: app.whatsapp_business_api_data.id,
            name: app.whatsapp_business_api_data.name ?? null,
            overrideCallbackUri: app.override_callback_uri ?? null,
          })),
        )
      : notConfigured('businessAccountId'),
    accessToken && appSecret && account.appId
      ? part(async () => {
          const data = await client.debugToken(accessToken, `${account.appId}|${appSecret}`);
          const expires = data.expires_at ?? null;
          return {
            type: data.type ?? null,
            isValid: data.is_valid,
            permanent: expires === 0,
            expiresAt: expires ? expires * 1000 : null,
            scopes: data.scopes,
          };
        })
      : notConfigured(!accessToken ? 'accessToken' : !account.appId ? 'appId' : 'appSecret'),
  ]);
  return { mode: ctx.meta.mode, account, phone, phoneNumbers, subscribedApps, token, expectedCallbackUrl };
}
