import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/clock';

/** The query parameter of the doctor's reachability self-test (`GET /webhook/whatsapp?recado_probe=…`). */
export const PROBE_PARAM = 'recado_probe';
const PROBE_TTL_MS = 60_000;

/**
 * One-time nonces for the setup doctor's "does the public URL reach this PC" test: the doctor
 * issues one, requests the public URL with it, and the webhook answers 200 with the nonce only for
 * a nonce it issued in the last minute, once. Anything else gets the usual 403, so the route
 * reveals nothing to strangers.
 */
export function createProbes(clock: Clock) {
  const open = new Map<string, { expires: number; seenAt: number | null }>();
  return {
    issue(): string {
      const now = clock.now();
      for (const [nonce, entry] of open) if (entry.expires <= now) open.delete(nonce);
      const nonce = randomBytes(16).toString('hex');
      open.set(nonce, { expires: now + PROBE_TTL_MS, seenAt: null });
      return nonce;
    },
    /** Called by the webhook route: true (and marked seen) only for an issued, unseen, unexpired nonce. */
    arrive(nonce: string): boolean {
      const entry = open.get(nonce);
      if (!entry || entry.seenAt !== null || entry.expires <= clock.now()) return false;
      entry.seenAt = clock.now();
      return true;
    },
    /** When the webhook saw this nonce arrive, or null. */
    seenAt: (nonce: string): number | null => open.get(nonce)?.seenAt ?? null,
  };
}

export type Probes = ReturnType<typeof createProbes>;
