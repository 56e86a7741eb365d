import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CSV_MAX_CONTENT_CHARS } from '../../shared/contract/methods/csv';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/platform/logger';
import { SECURITY_HEADERS } from './security-headers';
import { serveStatic } from './static-files';
import { decodePathPart } from './decode-path';

export interface WebHostOptions {
  core: Core;
  logger: Logger;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface WebHost {
  port: number;
  token: string;
  /** What to open in a browser; the token travels in the fragment, never in a request line. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** A CSV file travels whole (base64) to `csv.*`: room for the largest file the contract accepts. */
const CSV_MAX_BODY_BYTES = CSV_MAX_CONTENT_CHARS + 64 * 1024;
const HEARTBEAT_MS = 25_000;

/**
 * Serves the renderer and the contract on 127.0.0.1: `POST /api/<method>` answers with the
 * envelope, `GET /api/events` streams pushed events (Server-Sent Events). Every API request needs
 * the access token printed at start; requests naming another host are refused (DNS rebinding).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let allowedHosts = new Set<string>();

  const hasToken = (presented: string | null | undefined): boolean => {
    if (!presented) return false;
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      options.logger.error('web host request failed', { error });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = parseRequestUrl(req.url);
    if (!url) return sendJson(res, 400, badRequest('Malformed request address.'));
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      return serveStatic(options.staticDir, url.pathname, res);
    }
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return void res.writeHead(405).end();
      if (!hasToken(url.searchParams.get('token'))) return sendJson(res, 401, unauthorized());
      return streamEvents(req, res);
    }
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!hasToken(bearer)) return sendJson(res, 401, unauthorized());
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return sendJson(res, 403, unauthorized());
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { ok: false, error: { code: 'validation', message: 'Send JSON (application/json).' } });
    }
    const method = decodePathPart(url.pathname.slice('/api/'.length));
    // `%ZZ` is not a method name: a client error, not a crash of ours.
    if (method === null) return sendJson(res, 400, badRequest('Malformed percent-encoding in the method name.'));
    const body = await readBody(req, method.startsWith('csv.') ? CSV_MAX_BODY_BYTES : MAX_BODY_BYTES);
    if (body === 'too_large') {
      return sendJson(res, 413, { ok: false, error: { code: 'validation', message: 'Request body too large.' } });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'validation', message: 'Malformed JSON.' } });
    }
    sendJson(res, 200, await options.core.invoke(method, input));
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = options.core.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseRequestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

function badRequest(message: string) {
  return { ok: false, error: { code: 'validation', message } };
}

function unauthorized() {
  return { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong access token.' } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answer now and let the rest drain; destroying the socket would lose the 413.
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
