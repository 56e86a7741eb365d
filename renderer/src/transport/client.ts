import type { RecadoBridge } from '../../../shared/contract/bridge';
import type { ContractError } from '../../../shared/contract/envelope';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { createWebBridge, takeTokenFromLocation } from './web-bridge';

declare global {
  interface Window {
    /** Present in the desktop app only: the preload's two functions. */
    recado?: RecadoBridge;
  }
}

/** A failed contract call, carrying the backend's stable error code. */
export class CallError extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'CallError';
  }
}

/**
 * The renderer's only way to the backend, typed by the contract. Whichever transport is present
 * (the preload's bridge in Electron, HTTP + SSE in a browser) is picked once; no screen knows.
 */
export interface ApiClient {
  call<N extends MethodName>(method: N, input: InputOf<N>): Promise<OutputOf<N>>;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  transport: 'desktop' | 'web';
}

export function createApiClient(bridge: RecadoBridge, transport: ApiClient['transport']): ApiClient {
  return {
    transport,
    async call(method, input) {
      const envelope = await bridge.invoke(method, input);
      if (!envelope.ok) throw new CallError(envelope.error);
      return envelope.value as OutputOf<typeof method>;
    },
    on(event, callback) {
      return bridge.on(event, (payload) => callback(payload as EventPayload<typeof event>));
    },
  };
}

export function detectApiClient(): ApiClient {
  if (window.recado) return createApiClient(window.recado, 'desktop');
  return createApiClient(createWebBridge(takeTokenFromLocation()), 'web');
}
