import { createNotificationQueries } from '../notifications/notification-queries';
// The same plain HTTP exchange the emulator uses to call webhooks: the self-test plays "outside".
import { outgoingRequest } from '../sandbox/outgoing-http';
import { PROBE_PARAM } from '../webhook/probes';
import { evidence, outcome, refused, type CheckOutcome, type DoctorRun } from './check-kit';

/** Statuses normally arrive within seconds; a send older than this without any callback is a sign. */
const CALLBACK_EXPECTED_WITHIN_MS = 10 * 60_000;
const CALLBACK_LOOKBACK_MS = 24 * 3_600_000;
const PROBE_TIMEOUT_MS = 10_000;

/** 4. The app is subscribed to the WABA: without it Meta sends nothing (§4.4, §6.1). */
export async function checkSubscription(run: DoctorRun): Promise<CheckOutcome> {
  const { businessAccountId, appId } = run.ctx.meta.account();
  try {
    const apps = await run.client.getSubscribedApps(businessAccountId);
    const ours = apps.find((a) => a.whatsapp_business_api_data.id === appId);
    if (ours) return outcome('pass', 'subscribed');
    const others = apps.map((a) => a.whatsapp_business_api_data.name ?? a.whatsapp_business_api_data.id).join(', ');
    return outcome('fail', 'not_subscribed', {
      params: { others: others || '—' },
      evidence: [evidence(run, { message: `subscribed_apps: ${others || '(none)'}` })],
      fix: { id: 'subscribeApp', needs: 'nothing' },
    });
  } catch (error) {
    return refused(run, error);
  }
}

/**
 * 5. The callback Meta really uses for this number (phone override > WABA override > app, §3.5)
 * is Recado's. Another level taking priority is named with its URL.
 */
export async function checkCallback(run: DoctorRun): Promise<CheckOutcome> {
  const expected = run.deps.callbackUrl();
  if (!expected) return outcome('fail', 'no_public_url');
  let chain;
  try {
    chain = (await run.client.getPhoneNumber(run.ctx.meta.account().phoneNumberId, ['webhook_configuration'])).webhook_configuration ?? {};
  } catch (error) {
    return refused(run, error);
  }
  const seen = evidence(run, {
    message: `phone_number: ${chain.phone_number ?? '—'}; whatsapp_business_account: ${chain.whatsapp_business_account ?? '—'}; application: ${chain.application ?? '—'}`,
  });
  const params = { expected };
  if (chain.phone_number && chain.phone_number !== expected) {
    return outcome('fail', 'phone_override', {
      params: { ...params, url: chain.phone_number },
      evidence: [{ ...seen, url: chain.phone_number }],
      fix: { id: 'removePhoneOverride', needs: 'confirm' },
    });
  }
  const effective = chain.phone_number ?? chain.whatsapp_business_account ?? chain.application ?? null;
  if (effective === expected) {
    const level = chain.phone_number ? 'phone' : chain.whatsapp_business_account ? 'waba' : 'app';
    return outcome('pass', 'ours', { params: { ...params, level } });
  }
  const reason = chain.whatsapp_business_account ? 'waba_override' : chain.application ? 'app_elsewhere' : 'none';
  return outcome('fail', reason, {
    params: { ...params, url: effective ?? '' },
    evidence: [{ ...seen, url: effective }],
    fix: { id: 'pointWabaOverride', needs: 'nothing' },
  });
}

/**
 * 6. Meta checked the current URL with the current verify token (the GET handshake it makes
 * before accepting a callback), and callbacks arrive when sends expect them.
 */
export function checkVerification(run: DoctorRun): CheckOutcome {
  const expected = run.deps.callbackUrl();
  const status = run.deps.webhook.status();
  const registration = run.deps.registration();
  const live = run.ctx.meta.mode === 'live';
  if (!status.verifyTokenSet) return outcome('fail', 'no_verify_token');
  const registeredHere = registration.state === 'registered' && registration.callbackUrl === expected;
  if (live && !registeredHere) {
    return outcome('fail', 'not_verified', {
      params: { state: registration.state, reason: registration.reason ?? '' },
      evidence: [evidence(run, { message: registration.reason, url: registration.callbackUrl })],
      fix: { id: 'pointWabaOverride', needs: 'nothing' },
    });
  }
  if (status.lastVerifiedAt === null) return outcome('warn', 'never_verified', { fix: { id: 'pointWabaOverride', needs: 'nothing' } });
  const since = run.now - CALLBACK_LOOKBACK_MS;
  const before = run.now - CALLBACK_EXPECTED_WITHIN_MS;
  const sent = createNotificationQueries(run.ctx.db).sentBetween(Math.max(since, status.lastCallbackAt ?? 0), before);
  if (sent > 0) {
    return outcome('warn', 'no_callbacks', {
      params: { sent, last: status.lastCallbackAt ?? 0 },
      evidence: [evidence(run, { message: `last callback: ${status.lastCallbackAt ? new Date(status.lastCallbackAt).toISOString() : 'never'}`, url: expected })],
    });
  }
  return status.lastCallbackAt === null
    ? outcome('pass', 'verified_none_expected', { params: { verified: status.lastVerifiedAt } })
    : outcome('pass', 'verified', { params: { verified: status.lastVerifiedAt, last: status.lastCallbackAt } });
}

/**
 * 7. The public URL reaches this PC from outside: a one-time nonce requested through it must come
 * back from Recado's own webhook. Live: through the tunnel (or the owner's URL); Sandbox: the
 * emulator fetches it, as Meta's servers would.
 */
export async function checkReachability(run: DoctorRun): Promise<CheckOutcome> {
  if (run.deps.webhook.port() === null) return outcome('fail', 'webhook_stopped');
  const tunnel = run.deps.tunnel.state();
  const sandbox = await run.ctx.meta.sandbox();
  if (!sandbox && tunnel.state !== 'online') {
    return outcome('fail', 'tunnel_offline', {
      params: { state: tunnel.state, reason: tunnel.reason ?? '', retry: tunnel.nextRetryAt ?? 0 },
      evidence: [evidence(run, { message: tunnel.reason })],
    });
  }
  const url = run.deps.callbackUrl();
  if (!url) return outcome('fail', 'no_public_url');
  const nonce = run.deps.webhook.probes.issue();
  const target = new URL(url);
  target.searchParams.set(PROBE_PARAM, nonce);
  let answer: { status: number | null; body: string; error: string | null };
  if (sandbox) {
    answer = await sandbox.control.probe(target.toString());
  } else {
    answer = await outgoingRequest(target, { method: 'GET', timeoutMs: PROBE_TIMEOUT_MS, ...(run.deps.resolveHost ? { resolveHost: run.deps.resolveHost } : {}) }).then(
      (r) => ({ status: r.status, body: r.body, error: null }),
      (error: unknown) => ({ status: null, body: '', error: error instanceof Error ? error.message : String(error) }),
    );
  }
  const seen = evidence(run, { url, code: answer.status, message: answer.error ?? `HTTP ${answer.status ?? '?'}` });
  if (answer.status === 200 && answer.body.trim() === nonce && run.deps.webhook.probes.seenAt(nonce) !== null) {
    return outcome('pass', 'reachable', { params: { url } });
  }
  if (answer.status === null) return outcome('fail', 'unreachable', { params: { url, error: answer.error ?? '' }, evidence: [seen] });
  return outcome('fail', 'other_answer', { params: { url, status: answer.status }, evidence: [seen] });
}

