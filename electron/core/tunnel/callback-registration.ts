import type { CallbackRegistration } from '../../../shared/contract/methods/tunnel';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { backoffDelay, type BackoffOptions } from './backoff';

/**
 * The three Graph API calls callback registration needs (Meta's docs: webhooks/override, subscribed_apps), for the
 * WhatsApp Graph client to implement against the stored WABA id and access token. Each method
 * resolves on HTTP 200 and rejects with an Error whose `message` is fit to show the owner
 * (Meta's `error.message`, e.g. "(#100) Before override the current callback uri, your app must
 * be subscribed…").
 */
export interface MetaCallbackApi {
  /** `GET /{waba-id}/subscribed_apps`: is this app subscribed, and with which WABA override. */
  getSubscription(): Promise<{ subscribed: boolean; overrideCallbackUri: string | null }>;
  /** `POST /{waba-id}/subscribed_apps` with an empty body. Note: it also clears an override. */
  subscribeApp(): Promise<void>;
  /**
   * `POST /{waba-id}/subscribed_apps` `{override_callback_uri, verify_token}`. Meta calls the URL's
   * verification GET before answering, so success means the webhook answered the challenge.
   */
  setCallbackOverride(callbackUri: string, verifyToken: string): Promise<void>;
}

export interface CallbackRegistrarDeps {
  /** The Graph client bound to the current credentials, or null when they are not filled in. */
  api: () => MetaCallbackApi | null;
  verifyToken: () => string | null;
  clock: Clock;
  random: () => number;
  logger: Logger;
  /** Every state change (the tunnel service shows it; the screen gets it pushed). */
  onChange?: (state: CallbackRegistration) => void;
  /** Retry delays after a refusal; defaults 1 min doubling to 1 h (WABA calls: 200/hour/app). */
  backoff?: BackoffOptions;
}

/**
 * Registers the webhook URL at Meta as the WABA-level override, subscribing the app first when
 * needed, and retries later (with backoff) when Meta refuses. A newer URL replaces a pending one.
 */
export function createCallbackRegistrar(deps: CallbackRegistrarDeps) {
  const backoff = deps.backoff ?? { baseMs: 60_000, maxMs: 60 * 60_000 };
  let state: CallbackRegistration = { state: 'idle', callbackUrl: null, reason: null, nextRetryAt: null, registeredAt: null };
  let generation = 0;
  let failures = 0;
  let retry: { cancel(): void } | null = null;

  const set = (next: CallbackRegistration) => {
    state = next;
    deps.onChange?.(state);
  };

  async function attempt(callbackUrl: string, gen: number): Promise<CallbackRegistration> {
    const api = deps.api();
    const token = deps.verifyToken();
    const base = { callbackUrl, nextRetryAt: null, registeredAt: null };
    if (!api) {
      set({ ...base, state: 'not_configured', reason: 'credentials_missing' });
      return state;
    }
    if (!token) {
      set({ ...base, state: 'not_configured', reason: 'verify_token_missing' });
      return state;
    }
    set({ ...base, state: 'registering', reason: null });
    try {
      const current = await api.getSubscription();
      if (!(current.subscribed && current.overrideCallbackUri === callbackUrl)) {
        let subscribedNow = false;
        if (!current.subscribed) {
          await api.subscribeApp();
          subscribedNow = true;
        }
        try {
          await api.setCallbackOverride(callbackUrl, token);
        } catch (error) {
          // (#100) "your app must be subscribed": the GET was stale; subscribe and try once more.
          if (subscribedNow || !/subscribed/i.test(messageOf(error))) throw error;
          await api.subscribeApp();
          await api.setCallbackOverride(callbackUrl, token);
        }
      }
      if (gen !== generation) return state;
      failures = 0;
      set({ ...base, state: 'registered', reason: null, registeredAt: deps.clock.now() });
      deps.logger.info('webhook callback registered at Meta', { callbackUrl });
    } catch (error) {
      if (gen !== generation) return state;
      failures++;
      const delay = backoffDelay(failures, deps.random, backoff);
      const reason = messageOf(error);
      deps.logger.warn('Meta refused the webhook callback; will retry', { reason, retryInMs: delay });
      set({ ...base, state: 'failed', reason, nextRetryAt: deps.clock.now() + delay });
      retry = deps.clock.setTimeout(() => {
        retry = null;
        void attempt(callbackUrl, gen);
      }, delay);
    }
    return state;
  }

  return {
    /** Registers this URL now (cancelling a pending retry for an older one). Never rejects. */
    register(callbackUrl: string): Promise<CallbackRegistration> {
      retry?.cancel();
      retry = null;
      failures = 0;
      return attempt(callbackUrl, ++generation);
    },
    state: () => state,
    stop(): void {
      generation++;
      retry?.cancel();
      retry = null;
    },
  };
}

export type CallbackRegistrar = ReturnType<typeof createCallbackRegistrar>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
