import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Where the emulator connects for a callback host name: an address (IP) to dial instead of
 * resolving the name, or null/undefined to resolve it normally. The request keeps the URL's
 * `Host` header (and TLS server name), so a server that routes by host name still sees its name.
 *
 * Test-oriented: a localtunnel URL like `http://<id>.localhost:<port>` routes by Host, but Node's
 * resolver does not resolve `*.localhost`; `(host) => host.endsWith('.localhost') ? '127.0.0.1' : null`
 * makes the emulator reach it the way Meta reaches a real tunnel. `false` = the host cannot be
 * reached at all (the Sandbox's "tunnel unreachable" state).
 */
export type ResolveHost = (hostname: string) => string | null | undefined | false;

/** What `outgoingRequest` rejects with when `resolveHost` answered `false` (host unreachable). */
export const UNREACHABLE_MESSAGE = 'connect ECONNREFUSED (host unreachable from the outside)';

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Real-time deadline for the whole exchange. */
  timeoutMs: number;
  signal?: AbortSignal;
  resolveHost?: ResolveHost;
}

/**
 * Meta's side of a callback exchange (verification GET, webhook POST) over `node:http(s)`: one
 * connection per request, the whole answer read, rejects on network errors and timeouts.
 */
export function outgoingRequest(url: URL | string, init: OutgoingRequest): Promise<{ status: number; body: string }> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`Unsupported protocol ${target.protocol}`));
  const hostname = target.hostname.replace(/^\[|\]$/g, '');
  const resolved = init.resolveHost?.(hostname);
  if (resolved === false) return Promise.reject(new Error(UNREACHABLE_MESSAGE));
  const address = resolved ?? undefined;
  const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  const headers: Record<string, string> = {
    ...init.headers,
    host: target.host,
    ...(body ? { 'content-length': String(body.length) } : {}),
  };
  const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(init.timeoutMs)]) : AbortSignal.timeout(init.timeoutMs);
  return new Promise((resolve, reject) => {
    const options = {
      host: address ?? hostname,
      port: target.port || (secure ? 443 : 80),
      method: init.method,
      path: `${target.pathname}${target.search}`,
      headers,
      agent: false as const,
      signal,
      ...(secure ? { servername: hostname } : {}),
    };
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    };
    const req = secure ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
    req.on('error', (error: Error) => reject(signal.aborted && error.name === 'AbortError' ? new Error('The operation timed out or was aborted') : error));
    req.end(body);
  });
}
