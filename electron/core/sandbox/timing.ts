/**
 * Emulated Meta time. Delays are written in Meta's time and run `compression` times faster on
 * the emulator's clock, so a 7-day retry horizon fits in a test (compression 1e6 ≈ 0.6 s) or a
 * demo (compression 60: one Meta minute per second).
 */
export interface SandboxTiming {
  compression: number;
  /** After a send is accepted: when `sent`, `delivered` and `read` happen. */
  sentAfterMs: number;
  deliveredAfterMs: number;
  readAfterMs: number;
  /** Changes to one callback within this window may share one POST (when the seed says so). */
  batchWindowMs: number;
  /** Webhook retries: first after `retryInitialMs`, doubling up to `retryMaxMs`, dropped after the horizon. */
  retryInitialMs: number;
  retryMaxMs: number;
  retryHorizonMs: number;
  /** Real milliseconds a callback may take to answer a POST or a verification GET. */
  deliveryTimeoutMs: number;
  /** Newly created templates are approved after this long; null leaves them PENDING. */
  templateReviewMs: number | null;
  /**
   * Real milliseconds between accepting a Graph call and answering it (network + Meta). Meta's
   * answers take a few hundred ms; tests that kill the app mid-request need that window.
   */
  responseDelayMs: number;
}

export const DEFAULT_TIMING: SandboxTiming = {
  compression: 60,
  sentAfterMs: 1_000,
  deliveredAfterMs: 3_000,
  readAfterMs: 8_000,
  batchWindowMs: 500,
  retryInitialMs: 15_000,
  retryMaxMs: 6 * 3_600_000,
  // Meta retries WhatsApp webhooks for up to 7 days (D:webhooks/overview).
  retryHorizonMs: 7 * 24 * 3_600_000,
  deliveryTimeoutMs: 10_000,
  templateReviewMs: 60_000,
  responseDelayMs: 0,
};

/** Probabilities of Meta's quirks, drawn from the seeded PRNG. */
export interface SandboxQuirks {
  /** `delivered` skipped, only `read` sent (chat open on the phone). */
  skipDelivered: number;
  /** The same POST delivered twice. */
  duplicate: number;
  /** `read` arrives before `delivered`. */
  reorder: number;
  /** A change joins a pending POST to the same callback instead of getting its own. */
  batch: number;
}

export const DEFAULT_QUIRKS: SandboxQuirks = { skipDelivered: 0.1, duplicate: 0.05, reorder: 0.05, batch: 0.3 };
export const NO_QUIRKS: SandboxQuirks = { skipDelivered: 0, duplicate: 0, reorder: 0, batch: 0 };

export const toClockMs = (timing: SandboxTiming, metaMs: number) => Math.max(0, Math.round(metaMs / timing.compression));
