import { createHmac } from 'node:crypto';
import type { Clock } from '../platform/clock';
import { outgoingRequest, type ResolveHost } from './outgoing-http';
import type { Prng } from './prng';
import { serializeWebhookBody, signWebhookBody } from './signing';
import { toClockMs, type SandboxQuirks, type SandboxTiming } from './timing';

/** One `changes[]` item headed for one app's callback. */
export interface OutgoingChange {
  appId: string;
  url: string;
  wabaId: string;
  field: string;
  value: Record<string, unknown>;
  /** `entry[].time` (integer seconds): present on template webhooks. */
  time?: number;
  /**
   * This app's callback for the change as routing stands now (override chain), asked again before
   * every retry; undefined = keep `url`. See `createWebhookDelivery`.
   */
  currentUrl?: () => string | undefined;
}

export interface DeliveryAttempt {
  deliveryId: number;
  url: string;
  attempt: number;
  /** The exact bytes posted and their signature. */
  body: string;
  signature: string;
  /** HTTP status answered, or null when the request failed. */
  status: number | null;
  error?: string;
  duplicate: boolean;
  at: number;
}

export interface WebhookDeliveryDeps {
  clock: Clock;
  prng: Prng;
  timing: () => SandboxTiming;
  quirks: () => SandboxQuirks;
  appSecret: (appId: string) => string | undefined;
  /** See `ResolveHost` (outgoing-http.ts); tests reach `*.localhost` tunnel URLs with it. */
  resolveHost?: ResolveHost;
  onDropped?: (deliveryId: number, url: string) => void;
}

interface Batch {
  url: string;
  appId: string;
  changes: OutgoingChange[];
  currentUrl?: () => string | undefined;
}

/**
 * Meta's webhook transport: signed POSTs, sometimes batched, sometimes duplicated, retried with
 * backoff on non-200 until the retry horizon, then dropped (D:webhooks/overview §3.4).
 *
 * A retry goes to the app's callback as routing stands at that moment (`currentUrl`), not
 * necessarily where the first attempt went. Meta does not document this; it is the behaviour an
 * app relies on when its callback URL changes during an outage (a tunnel that came back under a
 * new URL re-registers it): otherwise up to 7 days of queued callbacks would go to a dead URL.
 */
export function createWebhookDelivery(deps: WebhookDeliveryDeps) {
  const attempts: DeliveryAttempt[] = [];
  const open = new Map<string, Batch>();
  const timers = new Set<{ cancel(): void }>();
  const controllers = new Set<AbortController>();
  let nextId = 1;
  let closed = false;

  const later = (ms: number, run: () => void) => {
    const timer = deps.clock.setTimeout(() => {
      timers.delete(timer);
      if (!closed) run();
    }, ms);
    timers.add(timer);
  };

  async function post(deliveryId: number, batch: Batch, body: string, attempt: number, firstAt: number, duplicate: boolean) {
    const secret = deps.appSecret(batch.appId) ?? '';
    const signature = signWebhookBody(body, secret);
    const url = attempt > 1 ? (batch.currentUrl?.() ?? batch.url) : batch.url;
    const record: DeliveryAttempt = { deliveryId, url, attempt, body, signature, status: null, duplicate, at: deps.clock.now() };
    attempts.push(record);
    const controller = new AbortController();
    controllers.add(controller);
    try {
      const response = await outgoingRequest(url, {
        method: 'POST',
        body,
        // A network deadline in real time, whatever clock drives the emulator.
        timeoutMs: deps.timing().deliveryTimeoutMs,
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          'x-hub-signature-256': signature,
          'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
        },
        ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
      });
      record.status = response.status;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    } finally {
      controllers.delete(controller);
    }
    if (closed || duplicate) return;
    if (record.status === 200) {
      // Retries and multi-app fan-out make duplicates normal (doc §3.4).
      if (deps.prng.chance(deps.quirks().duplicate)) later(0, () => void post(deliveryId, batch, body, attempt, firstAt, true));
      return;
    }
    const timing = deps.timing();
    const delayMeta = Math.min(timing.retryInitialMs * 2 ** (attempt - 1), timing.retryMaxMs);
    const elapsedMeta = (deps.clock.now() - firstAt) * timing.compression;
    if (elapsedMeta + delayMeta > timing.retryHorizonMs) {
      deps.onDropped?.(deliveryId, batch.url);
      return;
    }
    later(toClockMs(timing, delayMeta), () => void post(deliveryId, batch, body, attempt + 1, firstAt, false));
  }

  function flush(batch: Batch) {
    if (open.get(batch.url) === batch) open.delete(batch.url);
    const body = serializeWebhookBody(buildPayload(batch.changes));
    void post(nextId++, batch, body, 1, deps.clock.now(), false);
  }

  return {
    /** Queues one change; it goes out after the batch window, alone or with others. */
    send(change: OutgoingChange) {
      if (closed) return;
      const pending = open.get(change.url);
      if (pending && pending.appId === change.appId && deps.prng.chance(deps.quirks().batch)) {
        pending.changes.push(change);
        return;
      }
      const batch: Batch = { url: change.url, appId: change.appId, changes: [change], ...(change.currentUrl ? { currentUrl: change.currentUrl } : {}) };
      open.set(change.url, batch);
      later(toClockMs(deps.timing(), deps.timing().batchWindowMs), () => flush(batch));
    },
    attempts: (): readonly DeliveryAttempt[] => attempts,
    close() {
      closed = true;
      for (const timer of timers) timer.cancel();
      for (const controller of controllers) controller.abort();
    },
  };
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>;

/**
 * Groups changes by WABA into `entry[]`. Status changes of the same number are merged into one
 * `value.statuses[]`, as Meta does when it batches (up to 1000 updates per POST).
 */
export function buildPayload(changes: OutgoingChange[]) {
  const entries: { id: string; time?: number; changes: { value: Record<string, unknown>; field: string }[] }[] = [];
  for (const change of changes) {
    let entry = entries.find((e) => e.id === change.wabaId && e.time === change.time);
    if (!entry) {
      entry = { id: change.wabaId, ...(change.time !== undefined ? { time: change.time } : {}), changes: [] };
      entries.push(entry);
    }
    const mergeable = entry.changes.find(
      (c) =>
        c.field === 'messages' &&
        change.field === 'messages' &&
        Array.isArray(c.value.statuses) &&
        Array.isArray(change.value.statuses) &&
        JSON.stringify(c.value.metadata) === JSON.stringify(change.value.metadata),
    );
    if (mergeable) (mergeable.value.statuses as unknown[]).push(...(change.value.statuses as unknown[]));
    else entry.changes.push({ value: structuredClone(change.value), field: change.field });
  }
  return { object: 'whatsapp_business_account', entry: entries };
}
