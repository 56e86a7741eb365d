import type { RunningHost } from './web-host';

/** Calls one contract method on the web host as the renderer does (`POST /api/<method>`); throws on an error envelope. */
export async function callContract<T = unknown>(host: RunningHost, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

/** Plants a Meta error for the next matching Graph calls in the Sandbox mode emulator (its control API). */
export async function addSandboxFault(host: RunningHost, fault: { match: string; code: number; status?: number; times?: number }): Promise<void> {
  const { baseUrl } = await callContract<{ baseUrl: string | null }>(host, 'sandbox.status');
  if (!baseUrl) throw new Error('the Sandbox emulator is not running');
  const response = await fetch(`${baseUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`fault not planted: HTTP ${response.status}`);
}
