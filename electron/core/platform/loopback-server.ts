import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  server: Server;
  port: number;
  /** Drops every connection (open event streams included) and resolves when the server has closed. */
  close(): Promise<void>;
}

/**
 * Serves `listener` on 127.0.0.1 only, never another interface (a Hono app comes in through
 * `getRequestListener(app.fetch)` from `@hono/node-server`). `port` 0 = any free port. Rejects if
 * the port is taken.
 */
export async function listenOnLoopback(listener: RequestListener, port: number): Promise<LoopbackServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
