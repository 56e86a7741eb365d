import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { useApi } from '../transport/api-context';
import { runAction, type ActionOptions } from './action';

/** A running action: `run` it; `busy` while any call runs, `running` holds the arguments of the last one started. */
export interface Action<Args extends unknown[], Result> {
  /** Resolves to the result, or undefined when it failed (the failure is already on screen). Never throws. */
  run(...args: Args): Promise<Result | undefined>;
  busy: boolean;
  running: Args | null;
}

/**
 * The busy / try / notify block of every button, switch and form that changes something: runs
 * `perform`, tracks busy state, and ends in a success notice or the failure in words
 * (`runAction`). For one contract method, `useContractAction` says the same in fewer words.
 */
export function useAction<Perform extends (...args: never[]) => Promise<unknown>>(
  perform: Perform,
  options: ActionOptions<Parameters<Perform>, Awaited<ReturnType<Perform>>> = {},
): Action<Parameters<Perform>, Awaited<ReturnType<Perform>>> {
  type Args = Parameters<Perform>;
  type Result = Awaited<ReturnType<Perform>>;
  const { t } = useTranslation();
  const [running, setRunning] = useState<Args | null>(null);
  // Two overlapping runs (a double click): busy until the last one ends.
  const inFlight = useRef(0);
  const run = async (...args: Args) => {
    inFlight.current += 1;
    setRunning(args);
    try {
      // Perform's own parameters and answer, which TypeScript cannot see through a generic call.
      return await runAction((...a: Args) => perform(...a) as Promise<Result>, args, options, { t, notify: (notice) => notifications.show({ ...notice }) });
    } finally {
      inFlight.current -= 1;
      if (inFlight.current === 0) setRunning(null);
    }
  };
  return { run, busy: running !== null, running };
}

/** `useAction` for one contract method: `run(input)` calls it, typed by the contract. */
export function useContractAction<M extends MethodName>(method: M, options: ActionOptions<[InputOf<M>], OutputOf<M>> = {}): Action<[InputOf<M>], OutputOf<M>> {
  const api = useApi();
  return useAction((input: InputOf<M>) => api.call(method, input), options);
}
