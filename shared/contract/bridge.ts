import type { Envelope } from './envelope';

/**
 * The whole surface the preload exposes as `window.recado`: two functions. The renderer's typed
 * client wraps it; nothing else of Electron reaches the page.
 */
export interface RecadoBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}
