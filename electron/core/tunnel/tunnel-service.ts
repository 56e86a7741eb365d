import type { CallbackRegistration, TunnelState } from '../../../shared/contract/methods/tunnel';
import type { TunnelSettings } from '../../../shared/settings/tunnel';
import { WEBHOOK_PATH } from '../../../shared/settings/webhook';
import type { EventBus } from '../contract/event-bus';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { backoffDelay, type BackoffOptions } from './backoff';
import { openLocaltunnel, type OpenTunnel, type TunnelConnection } from './localtunnel-opener';

export interface TunnelServiceDeps {
  clock: Clock;
  /** 0 ≤ r < 1; jitter of the reconnect delay. */
  random: () => number;
  logger: Logger;
  events?: EventBus;
  /** Read at every (re)connect. */
  settings: () => TunnelSettings;
  /** The webhook server's port, or null while it is not running (the tunnel then waits). */
  localPort: () => number | null;
  /** Requested localtunnel id (see subdomain.ts); omitted = random. */
  subdomain?: string;
  /** The real localtunnel client unless a test says otherwise. */
  openTunnel?: OpenTunnel;
  /** Give up on one attempt after this long (the client itself would retry forever). */
  openTimeoutMs?: number;
  backoff?: BackoffOptions;
}

export type PublicUrlListener = (publicUrl: string, webhookUrl: string, previous: string | null) => void;

const IDLE_REGISTRATION: CallbackRegistration = {
  state: 'idle',
  callbackUrl: null,
  reason: null,
  nextRetryAt: null,
  registeredAt: null,
};

/**
 * Keeps Meta able to reach the webhook: a localtunnel to the webhook port (reconnecting with
 * backoff and jitter when it breaks), or the owner's own public URL. Every state change is pushed
 * as `tunnel.stateChanged`; every new public URL goes to `onPublicUrlChanged` listeners (the
 * callback registration at Meta).
 */
export function createTunnelService(deps: TunnelServiceDeps) {
  const open = deps.openTunnel ?? openLocaltunnel;
  const openTimeoutMs = deps.openTimeoutMs ?? 20_000;
  const backoff = deps.backoff ?? { baseMs: 1_000, maxMs: 5 * 60_000 };
  const listeners = new Set<PublicUrlListener>();

  let running = false;
  let current: TunnelConnection | null = null;
  /** The client's first request never gives up; at most one is in flight, and it may be adopted late. */
  let opening: string | null = null;
  let attemptTimer: { cancel(): void } | null = null;
  let retryTimer: { cancel(): void } | null = null;
  let lastUrl: string | null = null;
  let registration = IDLE_REGISTRATION;
  let state: TunnelState = snapshot('stopped', null, null, null, 0);

  function snapshot(
    s: TunnelState['state'],
    publicUrl: string | null,
    reason: string | null,
    nextRetryAt: number | null,
    attempt: number,
  ): TunnelState {
    return {
      mode: deps.settings().mode,
      state: s,
      publicUrl,
      webhookUrl: publicUrl ? `${publicUrl}${WEBHOOK_PATH}` : null,
      reason,
      nextRetryAt,
      attempt,
      registration,
    };
  }

  function setState(next: TunnelState): void {
    state = next;
    deps.events?.emit('tunnel.stateChanged', state);
  }

  function announce(publicUrl: string): void {
    if (publicUrl === lastUrl) return;
    const previous = lastUrl;
    lastUrl = publicUrl;
    deps.logger.info('public webhook URL changed', { publicUrl, previous });
    for (const listener of listeners) {
      try {
        listener(publicUrl, `${publicUrl}${WEBHOOK_PATH}`, previous);
      } catch (error) {
        deps.logger.warn('public URL listener failed', { error });
      }
    }
  }

  function clearTimers(): void {
    attemptTimer?.cancel();
    attemptTimer = null;
    retryTimer?.cancel();
    retryTimer = null;
  }

  function fail(reason: string): void {
    if (!running) return;
    clearTimers();
    const attempt = state.attempt + 1;
    const delay = backoffDelay(attempt, deps.random, backoff);
    deps.logger.warn('tunnel offline', { reason, attempt, retryInMs: delay });
    setState(snapshot('offline', null, reason, deps.clock.now() + delay, attempt));
    retryTimer = deps.clock.setTimeout(connect, delay);
  }

  function adopt(connection: TunnelConnection): void {
    clearTimers();
    current = connection;
    const url = connection.url.replace(/\/+$/, '');
    connection.onLost((reason) => {
      if (current !== connection) return;
      current = null;
      connection.close();
      fail(reason);
    });
    setState(snapshot('online', url, null, null, 0));
    announce(url);
  }

  function currentKey(): string {
    return `${deps.settings().localtunnelHost}|${deps.localPort()}`;
  }

  function connect(): void {
    retryTimer = null;
    if (!running || current) return;
    const settings = deps.settings();
    const localPort = deps.localPort();
    if (localPort === null) return fail('webhook_not_running');
    setState(snapshot('connecting', null, null, null, state.attempt));
    attemptTimer = deps.clock.setTimeout(() => {
      attemptTimer = null;
      fail('server_unreachable');
    }, openTimeoutMs);
    const key = `${settings.localtunnelHost}|${localPort}`;
    if (opening === key) return;
    opening = key;
    open({ localPort, host: settings.localtunnelHost, ...(deps.subdomain ? { subdomain: deps.subdomain } : {}) }).then(
      (connection) => {
        if (opening === key) opening = null;
        // A late answer is adopted while we still want that very tunnel, closed otherwise.
        const wanted = running && !current && deps.settings().mode === 'localtunnel' && currentKey() === key;
        if (wanted) adopt(connection);
        else connection.close();
      },
      (error: unknown) => {
        if (opening === key) opening = null;
        fail(`server_refused: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  const service = {
    /** Starts per the settings: opens the localtunnel, or announces the owner's public URL. */
    start(): void {
      if (running) return;
      running = true;
      const settings = deps.settings();
      if (settings.mode === 'publicUrl') {
        const url = settings.publicUrl.replace(/\/+$/, '');
        setState(snapshot('online', url, null, null, 0));
        announce(url);
        return;
      }
      connect();
    },
    stop(): void {
      running = false;
      clearTimers();
      current?.close();
      current = null;
      setState(snapshot('stopped', null, null, null, 0));
    },
    /** Applies new settings (mode, host, public URL). */
    restart(): void {
      service.stop();
      service.start();
    },
    /** Reconnect now instead of waiting for the next retry (the screen's "retry" button). */
    retryNow(): void {
      if (running && !current && retryTimer) {
        retryTimer.cancel();
        connect();
      }
    },
    state(): TunnelState {
      return state;
    },
    /** The registration at Meta, shown with the tunnel's state (set by the registrar). */
    setRegistration(next: CallbackRegistration): void {
      registration = next;
      setState({ ...state, registration });
    },
    /** Called with every new public URL (also the first). Returns an unsubscribe function. */
    onPublicUrlChanged(listener: PublicUrlListener): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return service;
}

export type TunnelService = ReturnType<typeof createTunnelService>;
