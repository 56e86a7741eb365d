import { useEffect, useState } from 'react';
import type { DispatchState } from '../../../../shared/contract/methods/dispatch';
import { useContractEvent, useContractQuery } from '../../transport/api-context';

/** While a run works, ask again this often: its end may have been pushed before the screen listened. */
const BUSY_RECHECK_MS = 2_000;

/**
 * The dispatcher's state, live: the latest of the answer to `dispatch.state`, every
 * `dispatch.stateChanged` the core pushes, and the answers of pause/resume/send now (`set`).
 */
export function useDispatchState() {
  const query = useContractQuery('dispatch.state', {});
  const [current, setCurrent] = useState<DispatchState | null>(null);
  useEffect(() => {
    if (query.state.status === 'ready') setCurrent(query.state.data);
  }, [query.state]);
  useContractEvent('dispatch.stateChanged', setCurrent);
  const { reload } = query;
  const busy = current?.busy === true;
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(reload, BUSY_RECHECK_MS);
    return () => clearTimeout(timer);
    // `current` is a dependency on purpose: each new state (pushed or answered) restarts the wait.
  }, [busy, current, reload]);
  return { state: current, error: query.state.status === 'error' ? query.state.error : null, set: setCurrent };
}
