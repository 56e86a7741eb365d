import type { RecadoBridge } from '../../../shared/contract/bridge';
import { isEnvelope, type Envelope } from '../../../shared/contract/envelope';

const TOKEN_KEY = 'recado.token';

/**
 * The web host's token arrives once in the URL fragment (`#token=…`, never sent to a server),
 * is kept for this tab only, and removed from the address bar.
 */
export function takeTokenFromLocation(): string | null {
  const match = /^#token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * The contract over the loopback web host: POST /api/<method> for calls, one EventSource for
 * pushed events. Network failures become an error envelope, like any other failure.
 */
export function createWebBridge(token: string | null): RecadoBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const attached = new Set<string>();

  const ensureSource = (): EventSource => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
    return source;
  };

  return {
    async invoke(method, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input ?? {}),
        });
        const body: unknown = await response.json();
        if (isEnvelope(body)) return body;
        return { ok: false, error: { code: 'internal', message: `Unexpected answer (${response.status})` } };
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'network' } } satisfies Envelope<never>;
      }
    },
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(callback);
      if (!attached.has(event)) {
        attached.add(event);
        ensureSource().addEventListener(event, (message) => {
          let payload: unknown;
          try {
            payload = JSON.parse((message as MessageEvent<string>).data);
          } catch {
            return;
          }
          for (const listener of listeners.get(event) ?? []) listener(payload);
        });
      }
      return () => void set.delete(callback);
    },
  };
}
