import { requireAccess, type Caller } from './auth';
import { verifyCallback } from './callbacks';
import type { Engine } from './engine';
import { SandboxGraphError, unsupportedRequest } from './graph-errors';
import { page, pickFields } from './paging';
import { findApp, findPhone, findWaba, type SandboxPhone } from './world';

const DEFAULT_PHONE_FIELDS = ['display_phone_number', 'verified_name', 'quality_rating'];
const MGMT = 'whatsapp_business_management';

function phoneOr404(engine: Engine, id: string, method: string): SandboxPhone {
  const phone = findPhone(engine.world, id);
  if (!phone) throw unsupportedRequest(method, id);
  return phone;
}

/** The effective callback chain for a number (D:webhooks/override). */
export function webhookConfiguration(engine: Engine, phone: SandboxPhone, appId: string | undefined) {
  const waba = findWaba(engine.world, phone.wabaId);
  const sub = waba?.subscribedApps.find((s) => s.appId === appId);
  const app = appId ? findApp(engine.world, appId) : undefined;
  return {
    ...(phone.overrideCallbackUri ? { phone_number: phone.overrideCallbackUri } : {}),
    ...(sub?.overrideCallbackUri ? { whatsapp_business_account: sub.overrideCallbackUri } : {}),
    ...(app?.callbackUrl ? { application: app.callbackUrl } : {}),
  };
}

function phoneView(engine: Engine, phone: SandboxPhone, appId: string | undefined): Record<string, unknown> {
  return {
    verified_name: phone.verifiedName,
    code_verification_status: phone.codeVerificationStatus,
    display_phone_number: phone.displayPhoneNumber,
    quality_rating: phone.qualityRating,
    // An added but unregistered number is not on the Cloud API yet and cannot send (133010).
    platform_type: phone.registered ? 'CLOUD_API' : 'NOT_APPLICABLE',
    throughput: { level: phone.throughputLevel },
    status: phone.registered ? phone.status : 'PENDING',
    account_mode: phone.accountMode ?? 'LIVE',
    is_on_biz_app: phone.onBusinessApp ?? false,
    whatsapp_business_manager_messaging_limit: phone.messagingLimit ?? 'TIER_250',
    webhook_configuration: webhookConfiguration(engine, phone, appId),
    id: phone.id,
  };
}

function checkManagementRate(engine: Engine, wabaId: string) {
  if (!engine.limits.management(wabaId, engine.now())) throw new SandboxGraphError(80007);
}

export function getPhone(engine: Engine, caller: Caller, id: string, query: URLSearchParams) {
  const phone = phoneOr404(engine, id, 'get');
  const token = requireAccess(caller, MGMT, phone.wabaId);
  return pickFields(phoneView(engine, phone, token.appId), query.get('fields'), DEFAULT_PHONE_FIELDS);
}

/** An override must be verified by Meta's GET handshake before it is stored (error 2200 if not). */
async function verifiedUrl(engine: Engine, url: unknown, verifyToken: unknown): Promise<string> {
  if (typeof url !== 'string') throw new SandboxGraphError(100, { details: 'The parameter override_callback_uri is required.' });
  if (url === '') return '';
  if (url.length > 200) throw new SandboxGraphError(100, { details: 'override_callback_uri must be at most 200 characters.' });
  if (typeof verifyToken !== 'string' || verifyToken === '') {
    throw new SandboxGraphError(100, { details: 'The parameter verify_token is required.' });
  }
  const check = await verifyCallback(url, verifyToken, engine.prng, engine.timing.deliveryTimeoutMs, engine.resolveHost);
  if (!check.ok) {
    throw new SandboxGraphError(2200, { details: `Callback verification failed with the following errors: ${check.reason}` });
  }
  return url;
}

const notSubscribed = () =>
  new SandboxGraphError(100, {
    message:
      '(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account',
  });

/** `POST /{phone-number-id}`: phone-level `webhook_configuration` override, or a new 2FA `pin`. */
export async function updatePhone(engine: Engine, caller: Caller, id: string, body: Record<string, unknown>) {
  const phone = phoneOr404(engine, id, 'post');
  const token = requireAccess(caller, MGMT, phone.wabaId);
  if (typeof body.pin === 'string') {
    if (!/^\d{6}$/.test(body.pin)) throw new SandboxGraphError(100, { details: 'Param pin must be 6 digits.' });
    phone.pin = body.pin;
    return { success: true };
  }
  const config = body.webhook_configuration as Record<string, unknown> | undefined;
  if (typeof config !== 'object' || config === null) throw new SandboxGraphError(100, { details: 'Nothing to update.' });
  const waba = findWaba(engine.world, phone.wabaId);
  if (!waba?.subscribedApps.some((s) => s.appId === token.appId)) throw notSubscribed();
  const url = await verifiedUrl(engine, config.override_callback_uri, config.verify_token);
  phone.overrideCallbackUri = url || undefined;
  return { success: true };
}

/** register/deregister: 6-digit PIN, 133005 on a wrong one, 10 calls per 72 h → 133016. */
export function registerPhone(engine: Engine, caller: Caller, id: string, body: Record<string, unknown>, register: boolean) {
  const phone = phoneOr404(engine, id, 'post');
  requireAccess(caller, MGMT, phone.wabaId);
  const now = engine.now();
  const recent = (engine.world.registerCalls.get(id) ?? []).filter((at) => at > now - 72 * 3_600_000);
  if (recent.length >= 10) throw new SandboxGraphError(133016);
  recent.push(now);
  engine.world.registerCalls.set(id, recent);
  if (!register) {
    phone.registered = false;
    return { success: true };
  }
  if (body.messaging_product !== 'whatsapp') throw new SandboxGraphError(100, { details: 'The parameter messaging_product is required.' });
  if (typeof body.pin !== 'string' || !/^\d{6}$/.test(body.pin)) throw new SandboxGraphError(100, { details: 'Param pin must be 6 digits.' });
  // Meta's exact refusal for a number still on the Business app is not in the doc; a permission
  // error naming the cause is the closest documented shape (coexistence refusals are #200, §4.2).
  if (phone.onBusinessApp) {
    throw new SandboxGraphError(200, { details: 'This phone number is in use on the WhatsApp Business app. Coexistence requires Embedded Signup through a Tech Provider.' });
  }
  if (phone.pin && phone.pin !== body.pin) throw new SandboxGraphError(133005);
  phone.pin = body.pin;
  phone.registered = true;
  return { success: true };
}

export function listPhoneNumbers(engine: Engine, caller: Caller, wabaId: string, query: URLSearchParams, self: URL) {
  if (!findWaba(engine.world, wabaId)) throw unsupportedRequest('get', wabaId);
  const token = requireAccess(caller, MGMT, wabaId);
  checkManagementRate(engine, wabaId);
  const phones = engine.world.phones.filter((p) => p.wabaId === wabaId);
  const result = page(phones, query, self);
  return {
    ...result,
    data: result.data.map((p) => pickFields(phoneView(engine, p, token.appId), query.get('fields'), [...DEFAULT_PHONE_FIELDS, 'code_verification_status'])),
  };
}

/** `/{waba-id}/subscribed_apps`: subscribe (optionally with a verified override), list, unsubscribe. */
export async function subscribedApps(engine: Engine, caller: Caller, wabaId: string, method: string, body: Record<string, unknown>) {
  const waba = findWaba(engine.world, wabaId);
  if (!waba) throw unsupportedRequest(method, wabaId);
  const token = requireAccess(caller, MGMT, wabaId);
  checkManagementRate(engine, wabaId);
  const current = waba.subscribedApps.find((s) => s.appId === token.appId);
  if (method === 'GET') {
    return {
      data: waba.subscribedApps.map((s) => {
        const app = findApp(engine.world, s.appId);
        return {
          whatsapp_business_api_data: { id: s.appId, link: `https://www.facebook.com/games/?app_id=${s.appId}`, name: app?.name ?? '' },
          ...(s.overrideCallbackUri ? { override_callback_uri: s.overrideCallbackUri } : {}),
        };
      }),
    };
  }
  if (method === 'DELETE') {
    waba.subscribedApps = waba.subscribedApps.filter((s) => s !== current);
    return { success: true };
  }
  if (body.override_callback_uri === undefined) {
    // An empty POST subscribes, or clears the WABA override of an existing subscription.
    if (current) delete current.overrideCallbackUri;
    else waba.subscribedApps.push({ appId: token.appId });
    return { success: true };
  }
  if (!current) throw notSubscribed();
  const url = await verifiedUrl(engine, body.override_callback_uri, body.verify_token);
  if (url) current.overrideCallbackUri = url;
  else delete current.overrideCallbackUri;
  return { success: true };
}

/**
 * `GET /debug_token?input_token=…`, called with an app access token (`app_id|app_secret`);
 * permanent tokens show `expires_at: 0` (D:permissions).
 */
export function debugToken(engine: Engine, caller: Caller, query: URLSearchParams) {
  if (caller.kind !== 'app') {
    throw new SandboxGraphError(100, { details: 'You must provide an app access token, or a user access token that is an owner or developer of the app' });
  }
  const input = query.get('input_token');
  if (!input) throw new SandboxGraphError(100, { details: 'The parameter input_token is required' });
  const token = engine.world.tokens.find((t) => t.token === input);
  const now = engine.now();
  if (!token) return { data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } };
  const permanent = token.kind === 'permanent' && !token.expired;
  const expiresAt = permanent ? 0 : Math.floor((token.expiresAt ?? now) / 1000);
  const valid = !token.expired && (token.kind === 'permanent' || (token.expiresAt ?? 0) > now);
  // An expired session: Meta says why next to is_valid false (190/463, "Session has expired on …").
  const expiredError = valid
    ? {}
    : { error: { code: 190, subcode: 463, message: `Error validating access token: Session has expired on ${new Date(expiresAt * 1000).toUTCString()}.` } };
  return {
    data: {
      app_id: token.appId,
      type: token.type,
      application: findApp(engine.world, token.appId)?.name ?? '',
      data_access_expires_at: permanent ? 0 : expiresAt + 90 * 86_400,
      expires_at: expiresAt,
      is_valid: valid,
      issued_at: Math.floor(token.issuedAt / 1000),
      scopes: token.scopes,
      granular_scopes: token.scopes.map((scope) => ({ scope, ...(scope.startsWith('whatsapp') ? { target_ids: token.wabaIds } : {}) })),
      user_id: token.userId,
      ...expiredError,
    },
  };
}
