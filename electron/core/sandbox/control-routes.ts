import { ControlError, type SandboxControl } from './control';

type Json = Record<string, unknown>;

/**
 * `/_sandbox/...`: the control API over HTTP, one route per control operation. Answers
 * `{ error: { message } }` on failure. Not part of Meta's API.
 */
export async function controlRoute(control: SandboxControl, method: string, path: string, query: URLSearchParams, body: Json) {
  const route = `${method} ${path.replace(/\/+$/, '') || '/_sandbox'}`;
  switch (route) {
    case 'GET /_sandbox':
      return control.info();
    case 'POST /_sandbox/inbound':
      return control.injectInbound(body as never);
    case 'POST /_sandbox/customer-writes':
      return control.customerWrites(body as never);
    case 'POST /_sandbox/change-user-id':
      return control.changeUserId(body as never);
    case 'POST /_sandbox/templates/status':
      return control.setTemplateStatus(body as never);
    case 'POST /_sandbox/templates/category':
      return control.setTemplateCategory(body as never);
    case 'POST /_sandbox/tokens/expire':
      return control.expireToken(String(body.token ?? ''));
    case 'POST /_sandbox/rate-limits':
      return control.setRateLimits(body);
    case 'POST /_sandbox/quirks':
      return control.setQuirks(body);
    case 'POST /_sandbox/windows':
      return control.setWindow(body as never);
    case 'POST /_sandbox/faults':
      return control.addFault(body as never);
    case 'POST /_sandbox/outage':
      return control.setOutage({ forMs: Number(body.forMs), kind: body.kind as never, status: body.status === undefined ? undefined : Number(body.status) });
    case 'GET /_sandbox/sent':
      return { data: control.sent({ phoneNumberId: query.get('phone_number_id') ?? undefined, to: query.get('to') ?? undefined }) };
    case 'GET /_sandbox/webhooks':
      return { data: control.deliveries(), dropped: control.dropped() };
    case 'POST /_sandbox/scenario':
      return control.scenario(body as never);
    case 'POST /_sandbox/probe':
      return control.probe(String(body.url ?? ''));
    case 'POST /_sandbox/app-callback':
      return control.setAppCallback(body as never);
    default:
      throw new ControlError(`No control route ${route}`, 404);
  }
}
