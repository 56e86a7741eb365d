import type { TokenCheck } from '../../../shared/contract/methods/credentials';
import type { CoreContext } from '../core-context';
import { DEMO } from '../sandbox/demo-world';
import { checkApi } from '../status/api-check';
import { problemView } from '../whatsapp/problem-view';

/** The two permissions Recado needs on the access token (Meta's docs: access-tokens, permissions). */
export const REQUIRED_SCOPES = ['whatsapp_business_messaging', 'whatsapp_business_management'];

/**
 * "Test connection": proves the number answers (GET /{phone-number-id}) and tells what kind of
 * token is saved, through `debug_token` with the app access token (`app_id|app_secret`, the only
 * token that may inspect another — Meta's docs: access-tokens, permissions). `expires_at: 0` = permanent.
 */
export async function testCredentials(ctx: CoreContext): Promise<TokenCheck> {
  const api = await checkApi(ctx);
  const mode = ctx.meta.mode;
  const sandbox = mode === 'sandbox';
  const token = sandbox ? DEMO.accessToken : ctx.secrets.get('accessToken');
  const appId = sandbox ? DEMO.appId : ctx.meta.account().appId;
  const appSecret = ctx.meta.appSecret();
  const unknown = { kind: 'unknown' as const, type: null, expiresAt: null, scopes: [] as string[], missingScopes: [] as string[], problem: null };
  if (!token) return { mode, api, token: { ...unknown, reason: 'token_missing' } };
  if (!appId || !appSecret) return { mode, api, token: { ...unknown, reason: 'app_credentials_missing' } };
  try {
    const data = await (await ctx.meta.client()).debugToken(token, `${appId}|${appSecret}`);
    const expiresAt = data.expires_at ? data.expires_at * 1000 : null;
    return {
      mode,
      api,
      token: {
        kind: !data.is_valid ? 'invalid' : data.expires_at === 0 ? 'permanent' : 'temporary',
        type: data.type ?? null,
        expiresAt,
        scopes: data.scopes,
        missingScopes: REQUIRED_SCOPES.filter((scope) => !data.scopes.includes(scope)),
        problem: null,
        reason: null,
      },
    };
  } catch (error) {
    return { mode, api, token: { ...unknown, problem: problemView(error), reason: 'check_failed' } };
  }
}
