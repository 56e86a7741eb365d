/**
 * The limits Meta enforces on sends (D:throughput, D:about-the-platform):
 * - throughput per business number, 80 messages/s by default → 130429;
 * - the (business, consumer) pair limit, about 1 message per 6 s with bursts of up to 45 that
 *   borrow from future quota → 131056;
 * - WABA management calls, 200 per hour per app per WABA → 80007.
 * Token buckets on the emulator's clock; the control API changes the numbers.
 */
export interface RateLimitSettings {
  /** Overrides every number's `messagesPerSecond` when set. */
  messagesPerSecond?: number;
  pairIntervalMs: number;
  pairBurst: number;
  managementPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { pairIntervalMs: 6000, pairBurst: 45, managementPerHour: 200 };

interface Bucket {
  tokens: number;
  at: number;
}

/** A keyed token bucket: `take` answers false when the key is over its rate. */
export function createBuckets() {
  const buckets = new Map<string, Bucket>();
  return {
    take(key: string, capacity: number, refillPerMs: number, now: number): boolean {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    clear: () => buckets.clear(),
  };
}

export function createRateLimiter(initial: Partial<RateLimitSettings> = {}) {
  let settings: RateLimitSettings = { ...DEFAULT_RATE_LIMITS, ...initial };
  const buckets = createBuckets();
  return {
    get settings() {
      return settings;
    },
    update(change: Partial<RateLimitSettings>) {
      settings = { ...settings, ...change };
      buckets.clear();
      return settings;
    },
    /** Per-number throughput: a one-second bucket of `messagesPerSecond`. */
    throughput(phoneId: string, perSecond: number, now: number): boolean {
      const rate = settings.messagesPerSecond ?? perSecond;
      return buckets.take(`tp:${phoneId}`, rate, rate / 1000, now);
    },
    pair(phoneId: string, waId: string, now: number): boolean {
      return buckets.take(`pair:${phoneId}:${waId}`, settings.pairBurst, 1 / settings.pairIntervalMs, now);
    },
    management(wabaId: string, now: number): boolean {
      const perHour = settings.managementPerHour;
      return buckets.take(`mgmt:${wabaId}`, perHour, perHour / 3_600_000, now);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
