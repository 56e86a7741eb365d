import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../platform/clock';
import { authenticate, tokenFromRequest } from './auth';
import { ControlError, createControl, type SandboxControl } from './control';
import { controlRoute } from './control-routes';
import { createEngine, type Engine } from './engine';
import { graphErrorResponse, SandboxGraphError, unsupportedRequest } from './graph-errors';
import { debugToken, getPhone, listPhoneNumbers, registerPhone, subscribedApps, updatePhone } from './management-routes';
import type { ResolveHost } from './outgoing-http';
import { createPrng } from './prng';
import type { RateLimitSettings } from './rate-limits';
import { postMessages } from './send-route';
import { createTemplate, deleteTemplate, listTemplates } from './template-routes';
import { DEFAULT_QUIRKS, DEFAULT_TIMING, type SandboxQuirks, type SandboxTiming } from './timing';
import { createWorldState, findPhone, findWaba, type SandboxWorld } from './world';
import { servedVersion } from './versions';

export interface SandboxOptions {
  /** 0 = a free port (always, in tests). */
  port?: number;
  seed?: number;
  world: SandboxWorld;
  clock?: Clock;
  timing?: Partial<SandboxTiming>;
  quirks?: Partial<SandboxQuirks>;
  rateLimits?: Partial<RateLimitSettings>;
  /**
   * Test-oriented: the address to dial for a callback host name instead of resolving it, keeping
   * the Host header (see outgoing-http.ts). Lets the emulator reach a localtunnel URL such as
   * `http://<id>.localhost:<port>`, which Node cannot resolve.
   */
  resolveHost?: ResolveHost;
}

export interface SandboxHandle {
  /** `http://127.0.0.1:<port>`: use it where the app would use https://graph.facebook.com. */
  baseUrl: string;
  control: SandboxControl;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;
const VERSION = /^v\d{1,3}\.\d$/;

/** Starts the Meta emulator on 127.0.0.1. Deterministic for a given seed and call sequence. */
export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const engine = createEngine({
    world: createWorldState(options.world),
    prng: createPrng(options.seed ?? 1),
    clock: options.clock ?? systemClock,
    timing: { ...DEFAULT_TIMING, ...options.timing },
    quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
    rateLimits: options.rateLimits,
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  });
  const control = createControl(engine);
  const server = createServer((req, res) => void handle(engine, control, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    control,
    async close() {
      engine.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SandboxGraphError(100, { details: 'Request body too large.' });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
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

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(text);
}

async function handle(engine: Engine, control: SandboxControl, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments[0] && VERSION.test(segments[0]) ? segments.shift() : undefined;
  const trace = { 'x-fb-trace-id': engine.prng.string(11), 'x-fb-request-id': engine.prng.string(24) };
  try {
    const body = await readBody(req);
    if (segments[0] === '_sandbox') {
      send(res, 200, await controlRoute(control, method, url.pathname, url.searchParams, body));
      return;
    }
    const outage = engine.outage && engine.now() < engine.outage.until ? engine.outage : null;
    if (outage?.kind === 'hang') {
      // Read and never answered: the client gives up on its own timeout (close() drops the socket).
      return;
    }
    if (outage) throw new SandboxGraphError(outage.status === 503 ? 2 : 1);
    const caller = authenticate(engine.world, tokenFromRequest(req.headers.authorization, url.searchParams), engine.now());
    const route = `${method} /${segments.join('/')}`;
    const fault = engine.faults.find((f) => f.remaining > 0 && route.includes(f.match));
    if (fault) {
      fault.remaining -= 1;
      throw new SandboxGraphError(fault.code, { ...(fault.status ? { status: fault.status } : {}), ...(fault.details ? { details: fault.details } : {}) });
    }
    const result = await graphRoute(engine, caller, method, segments, url, body);
    // The call has taken effect (a send is in `control.sent()`); the answer is still on its way.
    if (engine.timing.responseDelayMs > 0) await new Promise((r) => setTimeout(r, engine.timing.responseDelayMs));
    send(res, 200, result, { ...trace, 'facebook-api-version': servedVersion(engine, version) });
  } catch (error) {
    if (error instanceof SandboxGraphError) {
      const { status, body } = graphErrorResponse(error, engine.prng);
      send(res, status, body, trace);
    } else if (error instanceof ControlError) {
      send(res, error.status, { error: { message: error.message } });
    } else {
      send(res, 500, graphErrorResponse(new SandboxGraphError(1), engine.prng).body, trace);
    }
  }
}

async function graphRoute(
  engine: Engine,
  caller: ReturnType<typeof authenticate>,
  method: string,
  segments: string[],
  url: URL,
  body: Record<string, unknown>,
): Promise<unknown> {
  const [id = '', edge, ...rest] = segments;
  const q = url.searchParams;
  if (rest.length > 0) throw new SandboxGraphError(2500, { message: `Unknown path components: /${rest.join('/')}` });
  if (id === 'debug_token' && !edge) {
    if (method !== 'GET') throw unsupportedRequest(method, 'debug_token');
    return debugToken(engine, caller, q);
  }
  const isPhone = Boolean(findPhone(engine.world, id));
  const isWaba = Boolean(findWaba(engine.world, id));
  switch (`${method} ${edge ?? ''}`) {
    case 'POST messages':
      return postMessages(engine, caller, id, body);
    case 'GET ':
      if (isWaba) return { id, name: findWaba(engine.world, id)?.name };
      return getPhone(engine, caller, id, q);
    case 'POST ':
      return updatePhone(engine, caller, id, body);
    case 'POST register':
      return registerPhone(engine, caller, id, body, true);
    case 'POST deregister':
      return registerPhone(engine, caller, id, body, false);
    case 'GET subscribed_apps':
    case 'POST subscribed_apps':
    case 'DELETE subscribed_apps':
      return subscribedApps(engine, caller, id, method, body);
    case 'GET phone_numbers':
      return listPhoneNumbers(engine, caller, id, q, url);
  }
  if (edge === 'message_templates' && isWaba) {
    if (!engine.limits.management(id, engine.now())) throw new SandboxGraphError(80007);
    if (method === 'GET') return listTemplates(engine, caller, id, q, url);
    if (method === 'POST') return createTemplate(engine, caller, id, body);
    if (method === 'DELETE') return deleteTemplate(engine, caller, id, q);
  }
  if (edge && !isPhone && !isWaba) throw unsupportedRequest(method, id);
  throw new SandboxGraphError(100, { message: `(#100) Unsupported ${method.toLowerCase()} request on /${segments.join('/')}` });
}
