import { Hono } from 'hono';
import { ControlError, type SandboxControl } from './control';
import { graphJson, type SandboxEnv } from './http';

/**
 * `/_sandbox/...`: the control API over HTTP, one route per control operation, mounted by app.ts.
 * Answers `{ error: { message } }` on failure (a `ControlError`; 404 for an unknown route). Not
 * part of Meta's API.
 */
export function controlRoutes(control: SandboxControl): Hono<SandboxEnv> {
  const routes = new Hono<SandboxEnv>();
  const post = (path: string, run: (body: Record<string, unknown>) => unknown) =>
    routes.post(path, async (c) => graphJson(200, await run(c.get('body'))));

  routes.get('/', () => graphJson(200, control.info()));
  post('/inbound', (body) => control.injectInbound(body as never));
  post('/customer-writes', (body) => control.customerWrites(body as never));
  post('/change-user-id', (body) => control.changeUserId(body as never));
  post('/templates/status', (body) => control.setTemplateStatus(body as never));
  post('/templates/category', (body) => control.setTemplateCategory(body as never));
  post('/tokens/expire', (body) => control.expireToken(String(body.token ?? '')));
  post('/rate-limits', (body) => control.setRateLimits(body));
  post('/quirks', (body) => control.setQuirks(body));
  post('/windows', (body) => control.setWindow(body as never));
  post('/faults', (body) => control.addFault(body as never));
  post('/outage', (body) =>
    control.setOutage({ forMs: Number(body.forMs), kind: body.kind as never, status: body.status === undefined ? undefined : Number(body.status) }),
  );
  routes.get('/sent', (c) => {
    const query = c.get('url').searchParams;
    return graphJson(200, { data: control.sent({ phoneNumberId: query.get('phone_number_id') ?? undefined, to: query.get('to') ?? undefined }) });
  });
  routes.get('/webhooks', () => graphJson(200, { data: control.deliveries(), dropped: control.dropped() }));
  post('/scenario', (body) => control.scenario(body as never));
  post('/probe', (body) => control.probe(String(body.url ?? '')));
  post('/app-callback', (body) => control.setAppCallback(body as never));
  routes.all('*', (c) => {
    throw new ControlError(`No control route ${c.req.method} ${c.req.path}`, 404);
  });
  return routes;
}
