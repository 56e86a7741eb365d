import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { ApiClient } from '../../../shared/contract/client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/** Loads one contract method's answer; `reload` asks again. */
export function useContractQuery<N extends MethodName>(method: N, input: InputOf<N>) {
  const api = useApi();
  const [state, setState] = useState<LoadState<OutputOf<N>>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    api.call(method, JSON.parse(key) as InputOf<N>).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [api, method, key, version]);
  // Stable identities, so callers can hand them to effects and event subscriptions as they are.
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: OutputOf<N>) => setState({ status: 'ready', data }), []);
  return { state, reload, setData };
}

/** Subscribes to one pushed event for the component's lifetime. */
export function useContractEvent<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  useEffect(() => api.on(event, callback), [api, event, callback]);
}
