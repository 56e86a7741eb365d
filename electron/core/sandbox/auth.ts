import { SandboxGraphError } from './graph-errors';
import type { SandboxApp, SandboxToken, WorldState } from './world';

export type Caller = { kind: 'token'; token: SandboxToken } | { kind: 'app'; app: SandboxApp };

/** Bearer header first, then `access_token` in the query, as Graph accepts both. */
export function tokenFromRequest(authorization: string | undefined, query: URLSearchParams): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return bearer?.[1] ?? query.get('access_token') ?? undefined;
}

function sessionExpired(expiresAt: number, now: number): SandboxGraphError {
  const fmt = (ms: number) => new Date(ms).toUTCString();
  return new SandboxGraphError(190, {
    subcode: 463,
    message: `Error validating access token: Session has expired on ${fmt(expiresAt)}. The current time is ${fmt(now)}.`,
  });
}

/**
 * Who is calling. Unknown or missing tokens → 190; expired temporary tokens → 190/463 with
 * Meta's "Session has expired on …" message. An app access token is `app_id|app_secret`.
 */
export function authenticate(world: WorldState, raw: string | undefined, now: number): Caller {
  if (!raw) throw new SandboxGraphError(190, { message: 'An active access token must be used to query information about the current user.' });
  const [appId, secret] = raw.split('|');
  if (secret !== undefined) {
    const app = world.apps.find((a) => a.id === appId && a.secret === secret);
    if (app) return { kind: 'app', app };
  }
  const token = world.tokens.find((t) => t.token === raw);
  if (!token) throw new SandboxGraphError(190);
  if (token.expired || (token.kind === 'temporary' && token.expiresAt !== undefined && token.expiresAt <= now)) {
    throw sessionExpired(token.expiresAt ?? now - 1000, now);
  }
  return { kind: 'token', token };
}

/**
 * A user/system-user token with `scope` and asset access to `wabaId`. A missing scope gives 10,
 * a missing asset 200 (D:access-tokens: system user without asset access → 200).
 */
export function requireAccess(caller: Caller, scope: string, wabaId: string): SandboxToken {
  if (caller.kind !== 'token') throw new SandboxGraphError(200, { message: '(#200) Provide valid app ID' });
  if (!caller.token.scopes.includes(scope)) {
    throw new SandboxGraphError(10, { details: `Missing permission: ${scope}` });
  }
  if (!caller.token.wabaIds.includes(wabaId)) {
    throw new SandboxGraphError(200, { details: 'The user does not have access to this WhatsApp Business Account.' });
  }
  return caller.token;
}
