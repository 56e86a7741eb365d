import { getRequestListener } from '@hono/node-server';
import { systemClock, type Clock } from '../platform/clock';
import { listenOnLoopback } from '../platform/loopback-server';
import { createSandboxApp } from './app';
import { createControl, type SandboxControl } from './control';
import { createEngine } from './engine';
import type { ResolveHost } from './outgoing-http';
import { createPrng } from './prng';
import type { RateLimitSettings } from './rate-limits';
import { DEFAULT_QUIRKS, DEFAULT_TIMING, type SandboxQuirks, type SandboxTiming } from './timing';
import { createWorldState, type SandboxWorld } from './world';

export interface SandboxOptions {
  /** 0 = a free port (always, in tests). */
  port?: number;
  seed?: number;
  world: SandboxWorld;
  clock?: Clock;
  timing?: Partial<SandboxTiming>;
  quirks?: Partial<SandboxQuirks>;
  rateLimits?: Partial<RateLimitSettings>;
  /**
   * Test-oriented: the address to dial for a callback host name instead of resolving it, keeping
   * the Host header (see outgoing-http.ts). Lets the emulator reach a localtunnel URL such as
   * `http://<id>.localhost:<port>`, which Node cannot resolve.
   */
  resolveHost?: ResolveHost;
}

export interface SandboxHandle {
  /** `http://127.0.0.1:<port>`: use it where the app would use https://graph.facebook.com. */
  baseUrl: string;
  control: SandboxControl;
  close(): Promise<void>;
}

/** The emulator without a port: its Hono app (`app.request()`), its control API, and `close()` to stop its timers. */
export function createSandbox(options: SandboxOptions) {
  const engine = createEngine({
    world: createWorldState(options.world),
    prng: createPrng(options.seed ?? 1),
    clock: options.clock ?? systemClock,
    timing: { ...DEFAULT_TIMING, ...options.timing },
    quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
    rateLimits: options.rateLimits,
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  });
  const control = createControl(engine);
  return { app: createSandboxApp(engine, control), control, close: async () => engine.close() };
}

/** Starts the Meta emulator on 127.0.0.1. Deterministic for a given seed and call sequence. */
export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const sandbox = createSandbox(options);
  const server = await listenOnLoopback(getRequestListener(sandbox.app.fetch), options.port ?? 0).catch(async (error: unknown) => {
    // The port is taken: the engine's timers must not keep the process alive.
    await sandbox.close();
    throw error;
  });
  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    control: sandbox.control,
    async close() {
      await sandbox.close();
      await server.close();
    },
  };
}
