import { randomBytes } from 'node:crypto';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A small localtunnel server for tests, following the original server (localtunnel/server:
 * server.js, lib/ClientManager.js, lib/Client.js, lib/TunnelAgent.js), bound to 127.0.0.1.
 * The published server package no longer runs on current Node (../shared/docs/toolchain.md).
 *
 * - `GET /?new` or `GET /<id>` → `{ id, port, max_conn_count, url }`; a random id when the
 *   requested one is taken; 403 `{ message }` when it breaks the id rule.
 * - The client then opens up to `max_conn_count` TCP sockets to `port`; each carries one HTTP
 *   exchange at a time (the server is an http.Agent over those sockets).
 * - A request whose Host is `<id>.<domain>` is written onto one of that client's idle sockets and
 *   the response piped back; unknown ids get 404.
 * - A client that connects no socket within the grace period, or whose sockets all close and stay
 *   closed for it, is forgotten.
 * - `url` is `http://<id>.<domain>` without a port, as the doc says; tests connect to 127.0.0.1 and
 *   send that Host.
 * Deviation: when a forwarded request fails the original leaves the response hanging (a TODO);
 * this one answers 502 so tests stay bounded in time.
 */
export interface LocaltunnelServerOptions {
  /** 0 = any free port; tests pass the old port to restart "the same" server. */
  port?: number;
  domain?: string;
  maxSockets?: number;
  /** Original: 1000 ms. */
  graceMs?: number;
  /**
   * Report `url` as `http://<id>.<domain>:<port>`. The original builds it from the request's Host
   * (`schema://id.host`), which carries the port when the server is not on 80; use this when
   * something other than `requestThroughTunnel` (the Sandbox with `resolveHost`) must call the URL
   * as it is. Default off: the URL has no port, as toolchain.md describes.
   */
  urlWithPort?: boolean;
}

export interface LocaltunnelTestServer {
  port: number;
  /** What the client's `host` option should be. */
  origin: string;
  domain: string;
  /** Ids of connected clients. */
  clientIds(): string[];
  /** Sockets the client with this id has open. */
  socketCount(id: string): number;
  /** Kills everything at once (client sockets included), like a crashed server. */
  close(): Promise<void>;
}

const ID_RULE = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

class TunnelAgent extends Agent {
  readonly available: Socket[] = [];
  private readonly waiting: ((error: Error | null, socket?: Socket) => void)[] = [];
  readonly server: TcpServer = createTcpServer();
  connected = 0;
  closed = false;

  constructor(
    private readonly maxSockets_: number,
    private readonly onOnline: () => void,
    private readonly onOffline: () => void,
  ) {
    super({ keepAlive: true, maxFreeSockets: 1 });
    this.server.on('connection', (socket) => this.onConnection(socket));
    this.server.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiting.splice(0)) waiter(new Error('closed'));
    });
    this.server.on('error', () => undefined);
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)));
  }

  private onConnection(socket: Socket): void {
    if (this.connected >= this.maxSockets_) {
      socket.destroy();
      return;
    }
    socket.once('close', () => {
      this.connected--;
      const i = this.available.indexOf(socket);
      if (i >= 0) this.available.splice(i, 1);
      if (this.connected <= 0) this.onOffline();
    });
    socket.once('error', () => socket.destroy());
    if (this.connected === 0) this.onOnline();
    this.connected++;
    const waiter = this.waiting.shift();
    if (waiter) {
      setTimeout(() => waiter(null, socket), 0);
      return;
    }
    this.available.push(socket);
  }

  // http.Agent calls this for a new connection: hand out an idle tunnel socket, or wait for one.
  override createConnection(_options: unknown, callback: (error: Error | null, socket?: Duplex) => void): undefined {
    if (this.closed) {
      callback(new Error('closed'));
      return undefined;
    }
    const socket = this.available.shift();
    if (!socket) {
      this.waiting.push(callback);
      return undefined;
    }
    callback(null, socket);
    return undefined;
  }

  override destroy(): void {
    this.server.close();
    for (const socket of this.available.splice(0)) socket.destroy();
    super.destroy();
  }
}

interface Client {
  id: string;
  agent: TunnelAgent;
  grace: NodeJS.Timeout | null;
}

export async function startLocaltunnelServer(options: LocaltunnelServerOptions = {}): Promise<LocaltunnelTestServer> {
  const domain = options.domain ?? 'localhost';
  const maxSockets = options.maxSockets ?? 10;
  const graceMs = options.graceMs ?? 1000;
  const clients = new Map<string, Client>();
  const allSockets = new Set<Socket>();
  /** `domain`, or `domain:port` with `urlWithPort` (set once listening). */
  let publicHost = domain;

  const removeClient = (id: string) => {
    const client = clients.get(id);
    if (!client) return;
    clients.delete(id);
    if (client.grace) clearTimeout(client.grace);
    client.agent.destroy();
  };

  const newClient = async (requested: string): Promise<{ id: string; port: number; max_conn_count: number }> => {
    const id = clients.has(requested) ? randomId() : requested;
    const client: Client = { id, grace: null, agent: undefined as unknown as TunnelAgent };
    const startGrace = () => {
      if (client.grace) clearTimeout(client.grace);
      client.grace = setTimeout(() => removeClient(id), graceMs);
      client.grace.unref();
    };
    client.agent = new TunnelAgent(
      maxSockets,
      () => {
        if (client.grace) clearTimeout(client.grace);
        client.grace = null;
      },
      startGrace,
    );
    client.agent.server.on('connection', (socket: Socket) => {
      allSockets.add(socket);
      socket.once('close', () => allSockets.delete(socket));
    });
    clients.set(id, client);
    startGrace();
    const port = await client.agent.listen();
    return { id, port, max_conn_count: maxSockets };
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const forward = (client: Client, req: IncomingMessage, res: ServerResponse) => {
    const upstream = httpRequest(
      { path: req.url, method: req.method, headers: req.headers, agent: client.agent },
      (clientRes) => {
        res.writeHead(clientRes.statusCode ?? 502, clientRes.headers);
        clientRes.pipe(res);
      },
    );
    upstream.once('error', () => {
      if (!res.headersSent) res.writeHead(502).end('Bad gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const host = req.headers.host;
    if (!host) {
      res.writeHead(400).end('Host header is required');
      return;
    }
    const hostname = host.replace(/:\d+$/, '');
    if (hostname.endsWith(`.${domain}`)) {
      const id = hostname.slice(0, -domain.length - 1);
      const client = clients.get(id);
      if (!client) {
        res.writeHead(404).end('404');
        return;
      }
      forward(client, req, res);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const respond = (requested: string) =>
      newClient(requested).then(
        (info) => json(res, 200, { ...info, url: `http://${info.id}.${publicHost}` }),
        () => json(res, 500, { message: 'could not create tunnel' }),
      );
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/api/status') return json(res, 200, { tunnels: clients.size });
    const status = /^\/api\/tunnels\/([^/]+)\/status$/.exec(url.pathname);
    if (status) {
      const client = clients.get(status[1] as string);
      if (!client) return json(res, 404, { message: 'not found' });
      return json(res, 200, { connected_sockets: client.agent.connected });
    }
    if (url.pathname === '/') {
      if (url.searchParams.has('new')) return void respond(randomId());
      res.writeHead(302, { location: 'https://localtunnel.github.io/www/' }).end();
      return;
    }
    const requested = url.pathname.slice(1);
    if (!ID_RULE.test(requested)) {
      return json(res, 403, {
        message: 'Invalid subdomain. Subdomains must be lowercase and between 4 and 63 alphanumeric characters.',
      });
    }
    void respond(requested);
  });
  server.on('connection', (socket) => {
    allSockets.add(socket);
    socket.once('close', () => allSockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  publicHost = options.urlWithPort ? `${domain}:${port}` : domain;

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    domain,
    clientIds: () => [...clients.keys()],
    socketCount: (id) => clients.get(id)?.agent.connected ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const id of [...clients.keys()]) removeClient(id);
        for (const socket of allSockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The original uses human-readable-ids ("fuzzy-owl-12"); any valid id will do. */
function randomId(): string {
  return randomBytes(5).toString('hex');
}

/**
 * Sends a request to a tunnel's public URL the way the internet would, by connecting to the test
 * server on 127.0.0.1 with the tunnel's host name in `Host` (Node cannot resolve `*.localhost`).
 */
export function requestThroughTunnel(
  server: Pick<LocaltunnelTestServer, 'port'>,
  publicUrl: string,
  init: { method?: string; path: string; headers?: Record<string, string>; body?: Uint8Array | string },
): Promise<{ status: number; body: string }> {
  const host = new URL(publicUrl).host;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: init.method ?? 'GET',
        path: init.path,
        headers: { ...init.headers, host },
        agent: false,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request through tunnel timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}
