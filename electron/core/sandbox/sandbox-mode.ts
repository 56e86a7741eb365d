import type { Clock } from '../platform/clock';
import type { KeyValueStore } from '../platform/key-value-store';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { demoWorld } from './demo-world';
import { startSandbox, type SandboxHandle } from './server';

/**
 * Decides Sandbox mode once, at the first start: on for a new install without credentials, off
 * for one that already has a token or a phone-number id. Later starts keep the stored choice.
 */
export function initialSandboxMode(kv: KeyValueStore, settings: SettingsService, secrets: SecretStore): boolean {
  if (kv.get('sandbox') !== undefined) return settings.sandbox.get().enabled;
  const hasCredentials = secrets.get('accessToken') !== null || settings.credentials.get().phoneNumberId !== '';
  return settings.sandbox.set({ ...settings.sandbox.get(), enabled: !hasCredentials }).enabled;
}

/**
 * Demo pacing: Meta time runs 60× faster, and statuses land about 1 s (sent), 3 s (delivered)
 * and 8 s (read) after a send, slow enough to watch on the Status screen.
 */
export const DEMO_TIMING = {
  compression: 60,
  sentAfterMs: 60_000,
  deliveredAfterMs: 180_000,
  readAfterMs: 480_000,
  batchWindowMs: 30_000,
  templateReviewMs: 600_000,
};

export interface SandboxRuntime {
  /** Resolves once the emulator listens; rejects if it could not start. */
  ready: Promise<SandboxHandle>;
  close(): Promise<void>;
}

/** Starts the emulator with the demo world in this process, on a free loopback port. */
export function startSandboxRuntime(options: { seed: number; clock: Clock; logger: Logger }): SandboxRuntime {
  const ready = startSandbox({ port: 0, seed: options.seed, world: demoWorld(options.clock.now()), clock: options.clock, timing: DEMO_TIMING });
  ready.then(
    (handle) => options.logger.info('sandbox emulator started', { baseUrl: handle.baseUrl }),
    (error: unknown) => options.logger.error('sandbox emulator failed to start', { error }),
  );
  return {
    ready,
    async close() {
      const handle = await ready.catch(() => null);
      await handle?.close();
    },
  };
}
