import { CallError, createApiClient, type ApiClient } from '../../shared/contract/client';
import type { Envelope, InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { RunningHost } from './web-host';

/** The contract's typed client over the web host's HTTP route (`POST /api/<method>`), as the renderer calls it. */
export function contractClient(host: RunningHost): ApiClient<'web'> {
  return createApiClient(
    {
      async invoke(method, input) {
        const response = await fetch(`${host.origin}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        // The web host answers every contract call with an envelope (electron/web/web-host.ts).
        return (await response.json()) as Envelope<unknown>;
      },
      on() {
        throw new Error('tests watch pushed events through the page, not this client');
      },
    },
    'web',
  );
}

/** Calls one contract method on the web host, typed by the contract; throws on an error envelope, naming the method. */
export async function callContract<N extends MethodName>(host: RunningHost, method: N, input: InputOf<N>): Promise<OutputOf<N>> {
  try {
    return await contractClient(host).call(method, input);
  } catch (error) {
    if (error instanceof CallError) throw new Error(`${method}: ${error.error.code} ${error.error.message}`);
    throw error;
  }
}

/** Plants a Meta error for the next matching Graph calls in the Sandbox mode emulator (its control API). */
export async function addSandboxFault(host: RunningHost, fault: { match: string; code: number; status?: number; times?: number }): Promise<void> {
  const { baseUrl } = await callContract(host, 'sandbox.status', {});
  if (!baseUrl) throw new Error('the Sandbox emulator is not running');
  const response = await fetch(`${baseUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`fault not planted: HTTP ${response.status}`);
}
