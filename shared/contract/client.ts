import type { RecadoBridge } from './bridge';
import type { ContractError } from './envelope';
import type { EventName, EventPayload } from './events';
import type { InputOf, MethodName, OutputOf } from './index';

/** A failed contract call, carrying the backend's stable error code. */
export class CallError extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'CallError';
  }
}

/**
 * A caller's only way to the backend, typed by the contract: the renderer (over the preload's
 * bridge or HTTP + SSE), the Electron main process and tests (straight to the core). `transport`
 * names which; nothing else depends on it.
 */
export interface ApiClient<Transport extends string = 'desktop' | 'web'> {
  /** Resolves with the method's output; rejects with a `CallError` on an error envelope. */
  call<N extends MethodName>(method: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** Calls `callback` with each payload of `event` until the returned function is called. */
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  transport: Transport;
}

/** Wraps a bridge (`invoke` + `on`) in the typed client; an error envelope becomes a thrown `CallError`. */
export function createApiClient<Transport extends string>(bridge: RecadoBridge, transport: Transport): ApiClient<Transport> {
  return {
    transport,
    async call(method, input) {
      const envelope = await bridge.invoke(method, input);
      if (!envelope.ok) throw new CallError(envelope.error);
      // The core's handlers are typed by the same contract (Handlers), so the value has this shape.
      return envelope.value as OutputOf<typeof method>;
    },
    on(event, callback) {
      // Payloads are parsed against the contract's event schema before the core emits them.
      return bridge.on(event, (payload) => callback(payload as EventPayload<typeof event>));
    },
  };
}
