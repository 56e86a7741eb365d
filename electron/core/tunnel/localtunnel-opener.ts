import localtunnel from 'localtunnel';

/** One open tunnel, whatever made it. */
export interface TunnelConnection {
  /** Public base URL the server assigned, e.g. `https://recado-abc.loca.lt`. */
  url: string;
  /** Called once when the tunnel breaks (server gone, sockets refused). Not called after close(). */
  onLost(listener: (reason: string) => void): void;
  close(): void;
}

export interface OpenTunnelOptions {
  /** The webhook server's port on 127.0.0.1. */
  localPort: number;
  /** localtunnel server, e.g. `https://localtunnel.me`. */
  host: string;
  /** Requested id; the server hands out a random one when it is taken. */
  subdomain?: string;
}

export type OpenTunnel = (options: OpenTunnelOptions) => Promise<TunnelConnection>;

/**
 * The real `localtunnel` client. Two quirks the tunnel service works around: its first request
 * retries every second forever while the server is unreachable (the promise just stays pending),
 * and it emits `error` (never `close`) when its sockets are refused after the server went away.
 * `local_host` is 127.0.0.1 because the webhook server binds only there (and `localhost` may
 * resolve to ::1); the client also rewrites the Host header to it.
 */
export const openLocaltunnel: OpenTunnel = async ({ localPort, host, subdomain }) => {
  const tunnel = await localtunnel({
    port: localPort,
    host,
    local_host: '127.0.0.1',
    ...(subdomain ? { subdomain } : {}),
  });
  const listeners = new Set<(reason: string) => void>();
  let done = false;
  const lose = (reason: string) => {
    if (done) return;
    done = true;
    for (const listener of listeners) listener(reason);
  };
  tunnel.on('error', (error: Error) => lose(`connection_lost: ${error.message}`));
  tunnel.on('close', () => lose('closed'));
  return {
    url: tunnel.url,
    onLost: (listener) => void listeners.add(listener),
    close() {
      done = true;
      tunnel.close();
    },
  };
};
