import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ControlError, type SandboxControl } from './control';
import { controlRoutes } from './control-routes';
import type { Engine } from './engine';
import { graphErrorResponse, SandboxGraphError } from './graph-errors';
import { graphRoutes } from './graph-routes';
import { graphJson, graphSegments, type SandboxEnv } from './http';

const MAX_BODY = 1_000_000;

/**
 * The Meta emulator as a Hono app (served by server.ts, or called without a port through
 * `app.request()`): routes match the path without its `vNN.N` prefix and empty segments, as Graph
 * does; every request's body is read (1 MB, JSON or form) before anything answers; errors become
 * Meta's envelope (graph-errors.ts) with the trace headers, control errors `{ error: { message } }`.
 */
export function createSandboxApp(engine: Engine, control: SandboxControl): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ getPath: (request) => `/${graphSegments(new URL(request.url).pathname).segments.join('/')}` });

  app.onError((error, c) => {
    const trace = c.get('trace');
    if (error instanceof SandboxGraphError) {
      const { status, body } = graphErrorResponse(error, engine.prng);
      return graphJson(status, body, trace);
    }
    if (error instanceof ControlError) return graphJson(error.status, { error: { message: error.message } });
    return graphJson(500, graphErrorResponse(new SandboxGraphError(1), engine.prng).body, trace);
  });

  app.use(async (c, next) => {
    // Drawn first, on every request: the seed decides the same ids for the same call sequence.
    c.set('trace', { 'x-fb-trace-id': engine.prng.string(11), 'x-fb-request-id': engine.prng.string(24) });
    const url = new URL(c.req.url);
    c.set('version', graphSegments(url.pathname).version);
    c.set('url', new URL(`${url.pathname}${url.search}`, 'http://127.0.0.1'));
    return next();
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY,
      // Answered before the rest arrives: the connection closes after it, so no client sends its
      // next request on a socket still full of this body.
      onError: (c) => {
        const { status, body } = graphErrorResponse(new SandboxGraphError(100, { details: 'Request body too large.' }), engine.prng);
        return graphJson(status, body, { ...c.get('trace'), connection: 'close' });
      },
    }),
  );
  app.use(async (c, next) => {
    c.set('body', parseBody(Buffer.from(await c.req.arrayBuffer()).toString('utf8'), c.req.header('content-type') ?? ''));
    return next();
  });

  app.route('/_sandbox', controlRoutes(control));
  app.route('/', graphRoutes(engine));
  return app;
}

function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    return out;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new SandboxGraphError(100, { details: 'The request body is not valid JSON.' });
  }
}
