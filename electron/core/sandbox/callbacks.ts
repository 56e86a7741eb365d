import { outgoingRequest, type ResolveHost } from './outgoing-http';
import type { Prng } from './prng';
import { findApp, findPhone, findWaba, type WorldState } from './world';

/**
 * Meta's GET handshake (D:webhooks/create-webhook-endpoint): `hub.mode=subscribe`, the verify
 * token and a random challenge; the callback must answer 200 with the challenge as the body.
 * Meta does this for the dashboard callback and for every override set through the API.
 */
export async function verifyCallback(
  url: string,
  verifyToken: string,
  prng: Prng,
  timeoutMs: number,
  resolveHost?: ResolveHost,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, reason: 'The URL could not be parsed' };
  }
  const challenge = String(prng.int(100_000_000, 2_147_483_647));
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  try {
    const response = await outgoingRequest(target, {
      method: 'GET',
      timeoutMs,
      headers: { 'user-agent': 'facebookplatform/1.0' },
      ...(resolveHost ? { resolveHost } : {}),
    });
    const body = response.body;
    if (response.status !== 200) return { ok: false, reason: `HTTP Status Code = ${response.status}` };
    if (body.trim() !== challenge) return { ok: false, reason: 'The response does not match the challenge' };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `Couldn't connect to server (${error instanceof Error ? error.message : 'error'})` };
  }
}

export interface Route {
  appId: string;
  url: string;
}

/**
 * Where a `messages` webhook of this number goes, for each app subscribed to its WABA: the
 * phone-number override, else the WABA override, else the app's own callback (D:webhooks/override).
 * An app that is not subscribed to the WABA gets nothing, which is Meta's most common
 * "Test works but real messages never arrive" failure (doc §6.1).
 */
export function messageRoutes(world: WorldState, phoneId: string): Route[] {
  const phone = findPhone(world, phoneId);
  const waba = phone && findWaba(world, phone.wabaId);
  if (!phone || !waba) return [];
  const routes: Route[] = [];
  for (const sub of waba.subscribedApps) {
    const url = phone.overrideCallbackUri || sub.overrideCallbackUri || findApp(world, sub.appId)?.callbackUrl;
    if (url) routes.push({ appId: sub.appId, url });
  }
  return routes;
}

/** Template (and account) webhooks never follow overrides: only the app callback gets them. */
export function templateRoutes(world: WorldState, wabaId: string): Route[] {
  const waba = findWaba(world, wabaId);
  const routes: Route[] = [];
  for (const sub of waba?.subscribedApps ?? []) {
    const url = findApp(world, sub.appId)?.callbackUrl;
    if (url) routes.push({ appId: sub.appId, url });
  }
  return routes;
}
