import { ControlError } from './control';
import type { Engine } from './engine';
import { outgoingRequest } from './outgoing-http';
import { setTemplateCategory, setTemplateStatus } from './template-routes';
import { findWaba, type SandboxPhone } from './world';

/**
 * Broken worlds the setup doctor must recognise, one per way Meta's setup goes wrong in the field
 * (Meta's docs: webhooks/override, the phone-number and WABA endpoints, known failure modes, the Graph API changelog). Each is applied to the world's first number, its WABA,
 * its first app, and the token `token` (Sandbox mode's own token by default), through the control
 * API (`POST /_sandbox/scenario {name, ...}`), as the owner (or Meta) would have left things.
 */
export const SANDBOX_SCENARIOS = [
  'phone_override',
  'waba_override_elsewhere',
  'app_unsubscribed',
  'token_expiring',
  'token_expired',
  'token_missing_permission',
  'number_unregistered',
  'number_on_business_app',
  'quality_yellow',
  'quality_red',
  'test_number',
  'template_rejected',
  'template_paused',
  'template_recategorised',
  'template_mismatch',
  'callbacks_unreachable',
  'api_version_retired',
] as const;
export type SandboxScenario = (typeof SANDBOX_SCENARIOS)[number];

export interface ScenarioInput {
  name: SandboxScenario;
  /** The token to break (token_* scenarios); default the first permanent token. */
  token?: string;
  /** Template to break (template_* scenarios); default the first one. */
  template?: string;
  /** Graph version to retire (api_version_retired); required for it. */
  version?: string;
  /** Where a stray override points; default another tool's address. */
  url?: string;
}

/** Another tool's webhook: what a leftover override typically points at. */
export const STRAY_CALLBACK = 'https://old-crm.example.com/whatsapp/webhook';

function firstPhone(engine: Engine): SandboxPhone {
  const phone = engine.world.phones[0];
  if (!phone) throw new ControlError('The Sandbox has no phone number', 404);
  return phone;
}

/** Puts the world into one broken state; returns what changed in words tests can assert. */
export function applyScenario(engine: Engine, input: ScenarioInput): { applied: SandboxScenario } {
  const { world } = engine;
  const phone = firstPhone(engine);
  const waba = findWaba(world, phone.wabaId);
  const appId = world.apps[0]?.id;
  const token = world.tokens.find((t) => (input.token ? t.token === input.token : t.kind === 'permanent'));
  const template = world.templates.find((t) => (input.template ? t.name === input.template : t.wabaId === phone.wabaId));
  const stray = input.url ?? STRAY_CALLBACK;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new ControlError(`No ${what} for scenario ${input.name}`, 404);
    return value;
  };
  switch (input.name) {
    case 'phone_override':
      // Stored without Meta's handshake: it was set long ago, by another tool.
      phone.overrideCallbackUri = stray;
      break;
    case 'waba_override_elsewhere': {
      const sub = need(waba, 'WABA').subscribedApps.find((s) => s.appId === appId);
      if (sub) sub.overrideCallbackUri = stray;
      else need(waba, 'WABA').subscribedApps.push({ appId: need(appId, 'app'), overrideCallbackUri: stray });
      break;
    }
    case 'app_unsubscribed': {
      const w = need(waba, 'WABA');
      w.subscribedApps = w.subscribedApps.filter((s) => s.appId !== appId);
      break;
    }
    case 'token_expiring': {
      const t = need(token, 'token');
      t.kind = 'temporary';
      t.type = 'USER';
      t.expiresAt = engine.now() + 20 * 3_600_000;
      break;
    }
    case 'token_expired':
      need(token, 'token').expired = true;
      break;
    case 'token_missing_permission': {
      const t = need(token, 'token');
      t.scopes = t.scopes.filter((s) => s !== 'whatsapp_business_messaging');
      break;
    }
    case 'number_unregistered':
      phone.registered = false;
      break;
    case 'number_on_business_app':
      phone.registered = false;
      phone.onBusinessApp = true;
      break;
    case 'quality_yellow':
      phone.qualityRating = 'YELLOW';
      break;
    case 'quality_red':
      phone.qualityRating = 'RED';
      break;
    case 'test_number':
      phone.accountMode = 'SANDBOX';
      phone.allowedRecipients = phone.allowedRecipients ?? [];
      break;
    case 'template_rejected':
      markDecided(engine, need(template, 'template'), 'REJECTED');
      break;
    case 'template_paused':
      markDecided(engine, need(template, 'template'), 'PAUSED');
      break;
    case 'template_recategorised': {
      // Meta's `template_category_update` (doc §8): UTILITY re-filed as MARKETING, with the
      // list's `previous_category` and the webhook to app callbacks.
      setTemplateCategory(engine, need(template, 'template'), 'MARKETING');
      break;
    }
    case 'template_mismatch': {
      // The owner edited the template at Meta: its body now wants one more parameter.
      const body = need(template, 'template').components.find((c) => c.type === 'BODY');
      const placeholders = (body?.text ?? '').match(/\{\{\d+\}\}/g)?.length ?? 0;
      if (body) body.text = `${body.text ?? ''}\n{{${placeholders + 1}}}`;
      break;
    }
    case 'callbacks_unreachable':
      engine.callbacksReachable = false;
      break;
    case 'api_version_retired':
      engine.retiredVersions.add(need(input.version, 'version'));
      break;
  }
  return { applied: input.name };
}

function markDecided(engine: Engine, template: Parameters<typeof setTemplateStatus>[1], status: 'REJECTED' | 'PAUSED') {
  template.reviewDecided = true;
  setTemplateStatus(engine, template, status);
}

/**
 * What Meta's servers see when they call a URL now: the app's doctor asks the emulator to
 * fetch its public URL "from outside" (Sandbox mode has no tunnel). Answers the HTTP status and
 * body, or the connection error.
 */
export async function probeFromOutside(engine: Engine, url: string): Promise<{ ok: boolean; status: number | null; body: string; error: string | null }> {
  try {
    const answer = await outgoingRequest(url, { method: 'GET', timeoutMs: engine.timing.deliveryTimeoutMs, resolveHost: engine.resolveHost });
    return { ok: answer.status === 200, status: answer.status, body: answer.body.slice(0, 200), error: null };
  } catch (error) {
    return { ok: false, status: null, body: '', error: error instanceof Error ? error.message : String(error) };
  }
}
