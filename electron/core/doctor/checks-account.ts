import { REQUIRED_SCOPES } from '../credentials/token-check';
import { DEMO } from '../sandbox/demo-world';
import { PHONE_FIELDS } from '../whatsapp/graph-schemas';
import { evidence, LINKS, outcome, refused, type CheckOutcome, type DoctorRun } from './check-kit';

/**
 * 1. Credentials filled in and well formed; the token valid (`debug_token`, with the app access
 * token), with both WhatsApp permissions, and permanent (`expires_at` 0, §4.7).
 */
export async function checkCredentials(run: DoctorRun): Promise<CheckOutcome> {
  const { ctx } = run;
  const sandbox = ctx.meta.mode === 'sandbox';
  const account = ctx.meta.account();
  const token = sandbox ? DEMO.accessToken : ctx.secrets.get('accessToken');
  const appSecret = ctx.meta.appSecret();
  const missing = [
    !token && 'accessToken',
    !account.phoneNumberId && 'phoneNumberId',
    !account.businessAccountId && 'businessAccountId',
    !account.appId && 'appId',
    !appSecret && 'appSecret',
  ].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0 || !token || !appSecret) return outcome('fail', 'missing', { params: { fields: missing.join(', ') } });
  let data;
  try {
    data = await run.client.debugToken(token, `${account.appId}|${appSecret}`);
  } catch (error) {
    return refused(run, error);
  }
  const metaSaid = data.error ? [evidence(run, { code: data.error.code ?? null, message: data.error.message ?? null })] : [];
  if (!data.is_valid) {
    // 190/463 is Meta's "Session has expired"; a past expires_at says the same.
    const expired = (data.error?.code === 190 && data.error.subcode === 463) || (data.expires_at !== undefined && data.expires_at !== 0 && data.expires_at * 1000 <= run.now);
    return outcome('fail', expired ? 'expired' : 'invalid', {
      evidence: metaSaid,
      link: LINKS.systemUserToken,
      params: expired && data.expires_at ? { date: data.expires_at * 1000 } : {},
    });
  }
  const lacking = REQUIRED_SCOPES.filter((scope) => !data.scopes.includes(scope));
  if (lacking.length > 0) {
    return outcome('fail', 'missing_scopes', {
      params: { scopes: lacking.join(', ') },
      evidence: [evidence(run, { message: `scopes: ${data.scopes.join(', ') || '—'}` })],
      link: LINKS.systemUserToken,
    });
  }
  if (data.expires_at !== 0) {
    const expiresAt = (data.expires_at ?? 0) * 1000;
    return outcome('warn', 'temporary', {
      params: { date: expiresAt },
      evidence: [evidence(run, { message: `type ${data.type ?? '?'}, expires_at ${data.expires_at ?? '?'}` })],
      link: LINKS.systemUserToken,
    });
  }
  return outcome('pass', 'permanent', { params: { type: data.type ?? '' } });
}

/**
 * 2. The phone number belongs to the WABA, is registered for the Cloud API and connected. A number
 * still on the WhatsApp Business app cannot be: Coexistence needs a Tech Provider (§8).
 */
export async function checkPhone(run: DoctorRun): Promise<CheckOutcome> {
  const { phoneNumberId, businessAccountId } = run.ctx.meta.account();
  let phone;
  let inWaba: boolean;
  try {
    [phone, inWaba] = await Promise.all([
      run.client.getPhoneNumber(phoneNumberId, PHONE_FIELDS),
      run.client.listPhoneNumbers(businessAccountId, { limit: 100 }).then((page) => page.data.some((p) => p.id === phoneNumberId)),
    ]);
  } catch (error) {
    return refused(run, error);
  }
  run.phone = phone;
  const seen = evidence(run, {
    message: `status ${phone.status ?? '?'}, platform_type ${phone.platform_type ?? '?'}, code_verification_status ${phone.code_verification_status ?? '?'}`,
  });
  const number = phone.display_phone_number ?? phoneNumberId;
  if (!inWaba) return outcome('fail', 'not_in_waba', { params: { number, waba: businessAccountId }, evidence: [seen], link: LINKS.phoneNumbers });
  if (phone.is_on_biz_app) return outcome('fail', 'business_app', { params: { number }, evidence: [seen], link: LINKS.coexistence });
  const registered = phone.platform_type === 'CLOUD_API' && phone.status === 'CONNECTED';
  if (!registered) {
    if (phone.code_verification_status && phone.code_verification_status !== 'VERIFIED') {
      return outcome('fail', 'not_verified', { params: { number }, evidence: [seen], link: LINKS.phoneNumbers });
    }
    if (phone.platform_type === 'CLOUD_API') {
      return outcome('fail', 'not_connected', { params: { number, status: phone.status ?? '?' }, evidence: [seen], link: LINKS.phoneNumbers });
    }
    return outcome('fail', 'not_registered', { params: { number }, evidence: [seen], fix: { id: 'registerPhone', needs: 'pin' } });
  }
  return outcome('pass', 'connected', { params: { number, name: phone.verified_name ?? '' } });
}

/** 3. Quality rating, messaging limit, and whether this is Meta's test number (LIVE vs SANDBOX). */
export function checkHealth(run: DoctorRun): CheckOutcome {
  const phone = run.phone;
  if (!phone) return outcome('skipped', 'skipped');
  const quality = phone.quality_rating ?? 'UNKNOWN';
  const limit = phone.whatsapp_business_manager_messaging_limit ?? phone.messaging_limit_tier ?? '';
  const params = { quality, limit: limit.replace(/^TIER_/, '') };
  const seen = [evidence(run, { message: `quality_rating ${quality}, account_mode ${phone.account_mode ?? '?'}, messaging limit ${limit || '?'}` })];
  if (quality === 'RED') return outcome('fail', 'quality_red', { params, evidence: seen, link: LINKS.quality });
  if (phone.account_mode === 'SANDBOX') return outcome('warn', 'test_number', { params, evidence: seen, link: LINKS.testNumbers });
  if (quality === 'YELLOW') return outcome('warn', 'quality_yellow', { params, evidence: seen, link: LINKS.quality });
  return outcome('pass', 'healthy', { params });
}
