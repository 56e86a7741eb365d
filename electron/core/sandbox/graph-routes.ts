import { Hono, type MiddlewareHandler } from 'hono';
import { authenticate, tokenFromRequest } from './auth';
import type { Engine } from './engine';
import { SandboxGraphError, unsupportedRequest } from './graph-errors';
import { graphJson, type SandboxContext, type SandboxEnv } from './http';
import { debugToken, getPhone, listPhoneNumbers, registerPhone, subscribedApps, updatePhone } from './management-routes';
import { postMessages } from './send-route';
import { createTemplate, deleteTemplate, listTemplates } from './template-routes';
import { servedVersion } from './versions';
import { findPhone, findWaba } from './world';

/**
 * Meta's Graph routes (after `vNN.N` is taken off the path, app.ts), behind the middleware that
 * answers as Meta would before any route runs: an outage (error, or read and never answered),
 * the caller's token (190…), a planted fault. Anything no route takes gets the error Graph gives
 * for it (`unmatched`).
 */
export function graphRoutes(engine: Engine): Hono<SandboxEnv> {
  const routes = new Hono<SandboxEnv>();
  routes.use(outage(engine), authenticateCaller(engine), plantedFault(engine), answerDelay(engine));

  const ok = (c: SandboxContext, result: unknown) =>
    graphJson(200, result, { ...c.get('trace'), 'facebook-api-version': servedVersion(engine, c.get('version')) });
  const query = (c: SandboxContext) => c.get('url').searchParams;
  // The id as sent (Hono would percent-decode a param).
  const id = (c: SandboxContext) => segmentsOf(c)[0] ?? '';

  routes.get('/debug_token', (c) => ok(c, debugToken(engine, c.get('caller'), query(c))));
  routes.all('/debug_token', (c) => {
    throw unsupportedRequest(c.req.method, 'debug_token');
  });
  routes.post('/:id/messages', (c) => ok(c, postMessages(engine, c.get('caller'), id(c), c.get('body'))));
  routes.get('/:id?', (c) => {
    const waba = findWaba(engine.world, id(c));
    return ok(c, waba ? { id: waba.id, name: waba.name } : getPhone(engine, c.get('caller'), id(c), query(c)));
  });
  routes.post('/:id?', async (c) => ok(c, await updatePhone(engine, c.get('caller'), id(c), c.get('body'))));
  routes.post('/:id/register', (c) => ok(c, registerPhone(engine, c.get('caller'), id(c), c.get('body'), true)));
  routes.post('/:id/deregister', (c) => ok(c, registerPhone(engine, c.get('caller'), id(c), c.get('body'), false)));
  routes.on(['GET', 'POST', 'DELETE'], '/:id/subscribed_apps', async (c) =>
    ok(c, await subscribedApps(engine, c.get('caller'), id(c), c.req.method, c.get('body'))),
  );
  routes.get('/:id/phone_numbers', (c) => ok(c, listPhoneNumbers(engine, c.get('caller'), id(c), query(c), c.get('url'))));
  routes.on(['GET', 'POST', 'DELETE'], '/:id/message_templates', (c) => {
    const wabaId = id(c);
    if (!findWaba(engine.world, wabaId)) return unmatched(engine, c);
    if (!engine.limits.management(wabaId, engine.now())) throw new SandboxGraphError(80007);
    const caller = c.get('caller');
    if (c.req.method === 'GET') return ok(c, listTemplates(engine, caller, wabaId, query(c), c.get('url')));
    if (c.req.method === 'POST') return ok(c, createTemplate(engine, caller, wabaId, c.get('body')));
    return ok(c, deleteTemplate(engine, caller, wabaId, query(c)));
  });
  routes.all('*', (c) => unmatched(engine, c));
  return routes;
}

/** Graph's answer to a path or method no route takes, in the order Graph checks. */
function unmatched(engine: Engine, c: SandboxContext): never {
  const method = c.req.method;
  const segments = segmentsOf(c);
  const [id = '', edge, ...rest] = segments;
  if (rest.length > 0) throw new SandboxGraphError(2500, { message: `Unknown path components: /${rest.join('/')}` });
  if (id === 'debug_token' && !edge) throw unsupportedRequest(method, 'debug_token');
  const isWaba = Boolean(findWaba(engine.world, id));
  // Another method on a WABA's templates still spends a management call, as the route does.
  if (edge === 'message_templates' && isWaba && !engine.limits.management(id, engine.now())) throw new SandboxGraphError(80007);
  if (edge && !findPhone(engine.world, id) && !isWaba) throw unsupportedRequest(method, id);
  throw new SandboxGraphError(100, { message: `(#100) Unsupported ${method.toLowerCase()} request on /${segments.join('/')}` });
}

/** The path's segments after the version (app.ts routes on that path). */
function segmentsOf(c: SandboxContext): string[] {
  return c.req.path.split('/').filter(Boolean);
}

/** During an outage nothing takes effect: an error (500 → code 1, 503 → code 2), or no answer at all. */
function outage(engine: Engine): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const current = engine.outage && engine.now() < engine.outage.until ? engine.outage : null;
    if (current?.kind === 'hang') {
      // Read and never answered: the client gives up on its own timeout (close() drops the socket).
      await new Promise<void>((resolve) => c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true }));
      return new Response(null, { status: 499 });
    }
    if (current) throw new SandboxGraphError(current.status === 503 ? 2 : 1);
    return next();
  };
}

function authenticateCaller(engine: Engine): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    c.set('caller', authenticate(engine.world, tokenFromRequest(c.req.header('authorization'), c.get('url').searchParams), engine.now()));
    return next();
  };
}

/** A fault planted through the control API answers the next calls whose "METHOD /path" contains its match. */
function plantedFault(engine: Engine): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const route = `${c.req.method} ${c.req.path}`;
    const fault = engine.faults.find((f) => f.remaining > 0 && route.includes(f.match));
    if (fault) {
      fault.remaining -= 1;
      throw new SandboxGraphError(fault.code, { ...(fault.status ? { status: fault.status } : {}), ...(fault.details ? { details: fault.details } : {}) });
    }
    // Hono answers HEAD with the GET route; Graph has no HEAD.
    if (c.req.method === 'HEAD') return unmatched(engine, c);
    return next();
  };
}

/** The call has taken effect (a send is in `control.sent()`); the answer is still on its way. */
function answerDelay(engine: Engine): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    await next();
    if (!c.error && engine.timing.responseDelayMs > 0) await new Promise((r) => setTimeout(r, engine.timing.responseDelayMs));
  };
}
