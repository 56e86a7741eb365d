import type { Clock } from '../platform/clock';
import { messageRoutes, templateRoutes } from './callbacks';
import type { ResolveHost } from './outgoing-http';
import type { Prng } from './prng';
import { createRateLimiter, type RateLimitSettings } from './rate-limits';
import { toClockMs, type SandboxQuirks, type SandboxTiming } from './timing';
import { createWebhookDelivery } from './webhook-delivery';
import { digitsOf, findApp, findPhone, type SandboxTemplate, type WorldState } from './world';

/** One accepted outbound message, as the control API reports it. */
export interface SentMessage {
  id: string;
  phoneNumberId: string;
  wabaId: string;
  input: string;
  waId: string;
  /** Set when the business addressed the customer by BSUID (`recipient`) instead of `to`. */
  recipientUserId?: string;
  type: 'text' | 'template';
  /** What the customer would read: the text body or the filled-in template. */
  rendered: string;
  template?: { name: string; language: string; category: SandboxTemplate['category'] };
  bizOpaqueCallbackData?: string;
  acceptedAt: number;
  /** Statuses emitted so far, in the order they were queued for delivery. */
  statuses: { status: 'sent' | 'delivered' | 'read' | 'failed'; errorCode?: number; at: number }[];
  request: unknown;
}

export interface InboundMessage {
  id: string;
  phoneNumberId: string;
  from: string;
  type: string;
  at: number;
  markedRead: boolean;
}

/**
 * A window of clock time in which every Graph call fails the same way, as in a Meta outage:
 * `error` answers HTTP `status` (500 → code 1, 503 → code 2) without the call taking effect;
 * `hang` reads the request and never answers (the call does not take effect either).
 */
export interface Outage {
  until: number;
  kind: 'error' | 'hang';
  status: 500 | 503;
}

/** A canned error the control API plants for the next matching Graph calls. */
export interface Fault {
  /** Matched against `METHOD /path-without-version`, e.g. "POST /123/messages" or just "messages". */
  match: string;
  code: number;
  remaining: number;
  status?: number;
  details?: string;
}

export interface EngineOptions {
  world: WorldState;
  prng: Prng;
  clock: Clock;
  timing: SandboxTiming;
  quirks: SandboxQuirks;
  rateLimits?: Partial<RateLimitSettings>;
  /** How callback host names are reached (verification GETs and webhook POSTs); see outgoing-http.ts. */
  resolveHost?: ResolveHost;
}

/** The emulator's running state and the few operations several routes share. */
export function createEngine(options: EngineOptions) {
  const { world, prng, clock } = options;
  // Every outgoing exchange asks this first, so the control API can cut Meta off from the PC.
  const reachable = (inner: ResolveHost | undefined): ResolveHost => (host) => (engine.callbacksReachable ? inner?.(host) : false);
  // Its callbacks read the engine only when a webhook goes out, after the engine exists.
  const delivery = createWebhookDelivery({
    clock,
    prng,
    timing: () => engine.timing,
    quirks: () => engine.quirks,
    appSecret: (appId) => findApp(world, appId)?.secret,
    resolveHost: reachable(options.resolveHost),
    onDropped: (deliveryId, url) => engine.dropped.push({ deliveryId, url }),
  });
  const engine = {
    world,
    prng,
    clock,
    timing: options.timing,
    quirks: options.quirks,
    resolveHost: reachable(options.resolveHost),
    /** Control API: `false` = Meta cannot reach any callback URL (verification, webhooks, probes). */
    callbacksReachable: true,
    /** Control API: versions Meta no longer serves (answered by the oldest served one). */
    retiredVersions: new Set<string>(),
    limits: createRateLimiter(options.rateLimits),
    sent: [] as SentMessage[],
    inbound: [] as InboundMessage[],
    faults: [] as Fault[],
    /** Control API: a Meta outage until `until` (see `Outage`). */
    outage: null as Outage | null,
    dropped: [] as { deliveryId: number; url: string }[],
    delivery,
    now: () => clock.now(),
    /** Runs `fn` after `metaMs` of emulated Meta time. */
    later(metaMs: number, fn: () => void) {
      const timer = clock.setTimeout(() => {
        engine.timers.delete(timer);
        fn();
      }, toClockMs(engine.timing, metaMs));
      engine.timers.add(timer);
    },
    timers: new Set<{ cancel(): void }>(),
    /** wamid.<base64>: opaque, unique, stable, like Meta's. */
    newWamid(waId: string): string {
      return `wamid.${Buffer.from(`\u0015\u0002\u0000${waId}\u0015\u0002\u0000\u0012${prng.string(20, '0123456789ABCDEF')}`).toString('base64')}`;
    },
    metadata(phoneId: string) {
      const phone = findPhone(world, phoneId);
      return { display_phone_number: digitsOf(phone?.displayPhoneNumber ?? ''), phone_number_id: phoneId };
    },
    /** A `messages`-field change, routed by the override chain to every subscribed app. */
    emitMessages(phoneId: string, value: Record<string, unknown>) {
      const phone = findPhone(world, phoneId);
      if (!phone) return;
      for (const route of messageRoutes(world, phoneId)) {
        const currentUrl = () => messageRoutes(world, phoneId).find((r) => r.appId === route.appId)?.url;
        engine.delivery.send({ ...route, wabaId: phone.wabaId, field: 'messages', value, currentUrl });
      }
    },
    /**
     * A WABA-level template change (`message_template_status_update` by default, or
     * `template_category_update`), to app callbacks only.
     */
    emitTemplate(wabaId: string, value: Record<string, unknown>, field: 'message_template_status_update' | 'template_category_update' = 'message_template_status_update') {
      for (const route of templateRoutes(world, wabaId)) {
        const currentUrl = () => templateRoutes(world, wabaId).find((r) => r.appId === route.appId)?.url;
        engine.delivery.send({ ...route, wabaId, field, value, time: Math.floor(clock.now() / 1000), currentUrl });
      }
    },
    windowKey: (phoneId: string, waId: string) => `${phoneId}:${waId}`,
    windowOpen(phoneId: string, waId: string): boolean {
      return (world.windows.get(engine.windowKey(phoneId, waId)) ?? 0) > clock.now();
    },
    close() {
      for (const timer of engine.timers) timer.cancel();
      engine.delivery.close();
    },
  };
  return engine;
}

export type Engine = ReturnType<typeof createEngine>;
