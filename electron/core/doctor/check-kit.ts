import type { DoctorCheck, DoctorCheckId, DoctorEvidence } from '../../../shared/contract/methods/doctor';
import type { CallbackRegistration } from '../../../shared/contract/methods/tunnel';
import type { CoreContext } from '../core-context';
import type { Dispatcher } from '../dispatcher/dispatcher';
import type { ResolveHost } from '../sandbox/outgoing-http';
import type { TunnelService } from '../tunnel/tunnel-service';
import type { WebhookService } from '../webhook/webhook-service';
import type { GraphClient } from '../whatsapp/graph-client';
import { GraphError } from '../whatsapp/graph-error';
import type { PhoneNumberInfo } from '../whatsapp/graph-schemas';
import { problemView } from '../whatsapp/problem-view';

/** What the doctor needs besides the context: the session's services, read only except for fixes. */
export interface DoctorDeps {
  /** The URL Meta should call: the tunnel's (live) or the local webhook's (Sandbox); null if none yet. */
  callbackUrl(): string | null;
  /** Registers a callback URL at Meta now (the session's registrar; subscribes first when needed). */
  register(callbackUrl: string): Promise<CallbackRegistration>;
  registration(): CallbackRegistration;
  tunnel: Pick<TunnelService, 'state'>;
  webhook: Pick<WebhookService, 'port' | 'probes' | 'status'>;
  dispatcher: Pick<Dispatcher, 'state' | 'resume'>;
  /** Test-only: how the self-test reaches a host name (`*.localhost` tunnel URLs). */
  resolveHost?: ResolveHost;
}

/** What one run learns and later checks reuse (one Graph call each, not one per check). */
export interface DoctorRun {
  ctx: CoreContext;
  deps: DoctorDeps;
  client: GraphClient;
  now: number;
  phone: PhoneNumberInfo | null;
}

export type CheckOutcome = Omit<DoctorCheck, 'id' | 'skippedBecause'> & { skippedBecause?: DoctorCheckId | null };

/** A check's answer without a fix or link unless given. */
export function outcome(verdict: DoctorCheck['verdict'], reason: string, extra: Partial<CheckOutcome> = {}): CheckOutcome {
  return { verdict, reason, params: {}, evidence: [], fix: null, link: null, ...extra };
}

export function evidence(run: Pick<DoctorRun, 'now'>, fields: Partial<Omit<DoctorEvidence, 'at'>>): DoctorEvidence {
  return { code: fields.code ?? null, message: fields.message ?? null, url: fields.url ?? null, at: run.now };
}

/** A Graph call Meta refused (or that never arrived), as a failing check: our sentence for the problem, Meta's words as evidence. */
export function refused(run: Pick<DoctorRun, 'now'>, error: unknown, url: string | null = null): CheckOutcome {
  const view = problemView(error);
  const message = error instanceof GraphError ? [view.title, view.details].filter(Boolean).join(' — ') || error.message : error instanceof Error ? error.message : String(error);
  return outcome('fail', 'meta_refused', { params: { problem: view.problem }, evidence: [evidence(run, { code: view.code, message, url })] });
}

/** Meta's docs the owner needs when a repair cannot be done through the API. */
export const LINKS = {
  systemUserToken: 'https://developers.facebook.com/docs/whatsapp/business-management-api/get-started#1--acquire-an-access-token-using-a-system-user-or-facebook-login',
  apiSetup: 'https://developers.facebook.com/apps/',
  phoneNumbers: 'https://business.facebook.com/wa/manage/phone-numbers/',
  coexistence: 'https://developers.facebook.com/docs/whatsapp/embedded-signup/custom-flows/onboarding-business-app-users',
  quality: 'https://developers.facebook.com/docs/whatsapp/messaging-limits#quality-rating',
  testNumbers: 'https://developers.facebook.com/docs/whatsapp/cloud-api/get-started#send-a-test-message',
  templates: 'https://business.facebook.com/wa/manage/message-templates/',
  versions: 'https://developers.facebook.com/docs/graph-api/changelog/versions',
} as const;
