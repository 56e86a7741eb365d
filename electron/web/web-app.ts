import { timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { CSV_MAX_CONTENT_CHARS } from '../../shared/contract/methods/csv';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/platform/logger';
import { decodePathPart } from './decode-path';
import { SECURITY_HEADERS } from './security-headers';
import { staticFileResponse } from './static-files';

export interface WebAppOptions {
  core: Pick<Core, 'invoke' | 'subscribe'>;
  logger: Logger;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  token: string;
  /** The `Host` values the app answers to (`127.0.0.1:<port>`, `localhost:<port>`); read per request, as the port is known only once listening. */
  allowedHosts(): ReadonlySet<string>;
}

export const MAX_BODY_BYTES = 1024 * 1024;
/** A CSV file travels whole (base64) to `csv.*`: room for the largest file the contract accepts. */
export const CSV_MAX_BODY_BYTES = CSV_MAX_CONTENT_CHARS + 64 * 1024;
const HEARTBEAT_MS = 25_000;
const API = '/api/';

type Env = { Variables: { method: string } };

/**
 * The web host as a Hono app (served by web-host.ts, or called without a port through
 * `app.request()`): the renderer's files, `POST /api/<method>` answering the contract's envelope
 * and `GET /api/events` streaming pushed events (Server-Sent Events). Every API request needs the
 * access token; requests naming another host are refused (DNS rebinding); every answer carries
 * the security headers.
 */
export function createWebApp(options: WebAppOptions): Hono<Env> {
  const { core } = options;
  const expected = Buffer.from(options.token);
  const hasToken = (presented: string | null | undefined): boolean => {
    if (!presented) return false;
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  // Routes see the path as sent (still percent-encoded): decoding is each route's job, so `%ZZ`
  // is a 400 of ours and `/%61pi/…` is not the API.
  const app = new Hono<Env>({ getPath: (request) => new URL(request.url).pathname });

  app.onError((error) => {
    options.logger.error('web host request failed', { error });
    return envelope(500, 'internal', 'Internal error');
  });

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.use(async (c, next) => {
    if (!options.allowedHosts().has(c.req.header('host') ?? '')) return new Response('Misdirected request', { status: 421, headers: { 'content-type': 'text/plain' } });
    return next();
  });

  app.on(['GET', 'HEAD'], `${API}events`, (c) => {
    // HEAD would open a stream nobody reads.
    if (c.req.method !== 'GET') return c.body(null, 405);
    if (!hasToken(c.req.query('token'))) return unauthorized();
    const sse = streamSSE(c, async (stream) => {
      // One write at a time, in order; subscribed before `connected` can reach the client, so no
      // event it causes after seeing it is missed.
      let writing: Promise<void> = stream.write(': connected\n\n').then(() => undefined);
      const unsubscribe = core.subscribe((name, payload) => {
        writing = writing.then(() => stream.writeSSE({ event: name, data: JSON.stringify(payload) }));
      });
      const heartbeat = setInterval(() => {
        writing = writing.then(() => stream.write(': keep-alive\n\n')).then(() => undefined);
      }, HEARTBEAT_MS);
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        c.req.raw.signal.addEventListener('abort', () => resolve());
        if (stream.aborted || c.req.raw.signal.aborted) resolve();
      });
      clearInterval(heartbeat);
      unsubscribe();
    });
    sse.headers.set('cache-control', 'no-store');
    return sse;
  });
  app.all(`${API}events`, (c) => c.body(null, 405));

  app.post(`${API}*`, checkCaller(options, hasToken), contractMethod, limitBody, async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      return envelope(400, 'validation', 'Malformed JSON.');
    }
    return jsonAnswer(200, await core.invoke(c.get('method'), input));
  });
  app.all(`${API}*`, (c) => c.body(null, 405, { allow: 'POST' }));

  app.on(['GET', 'HEAD'], '*', (c) => staticFileResponse(options.staticDir, c.req.path));
  app.all('*', (c) => c.body(null, 405));
  return app;
}

function jsonAnswer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

function envelope(status: number, code: string, message: string): Response {
  return jsonAnswer(status, { ok: false, error: { code, message } });
}

function unauthorized(status: 401 | 403 = 401): Response {
  return envelope(status, 'unauthorized', 'Missing or wrong access token.');
}

/** Bearer token (401), then the browser's Origin if it sent one (403), then JSON only (415). */
function checkCaller(options: WebAppOptions, hasToken: (presented: string | undefined) => boolean): MiddlewareHandler<Env> {
  return async (c, next) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!hasToken(bearer)) return unauthorized();
    const origin = c.req.header('origin');
    if (origin && !options.allowedHosts().has(origin.replace(/^http:\/\//, ''))) return unauthorized(403);
    if (!/^application\/json\b/.test(c.req.header('content-type') ?? '')) return envelope(415, 'validation', 'Send JSON (application/json).');
    return next();
  };
}

/** The method name from the path; `%ZZ` is not a method name: a client error, not a crash of ours. */
const contractMethod: MiddlewareHandler<Env> = async (c, next) => {
  const method = decodePathPart(c.req.path.slice(API.length));
  if (method === null) return envelope(400, 'validation', 'Malformed percent-encoding in the method name.');
  c.set('method', method);
  return next();
};

const limits = [MAX_BODY_BYTES, CSV_MAX_BODY_BYTES].map((maxSize) =>
  bodyLimit({
    maxSize,
    onError: () => {
      // Answered before the rest arrives: the connection closes after it, so the browser never
      // sends its next call on a socket still full of this body.
      const answer = envelope(413, 'validation', 'Request body too large.');
      answer.headers.set('connection', 'close');
      return answer;
    },
  }),
);

/** 1 MB, or the CSV file's size for `csv.*`; counted as it arrives when no length is declared. */
const limitBody: MiddlewareHandler<Env> = (c, next) => (c.get('method').startsWith('csv.') ? limits[1]! : limits[0]!)(c, next);
