import { verifyCallback } from './callbacks';
import { resolveRecipient } from './recipients';
import { bsuidOf, phoneShared, userByUsername } from './identities';
import type { Engine, Fault, SentMessage } from './engine';
import type { RateLimitSettings } from './rate-limits';
import { applyScenario, probeFromOutside, type ScenarioInput } from './scenarios';
import { setTemplateCategory, setTemplateStatus } from './template-routes';
import type { SandboxQuirks, SandboxTiming } from './timing';
import type { DeliveryAttempt } from './webhook-delivery';
import { digitsOf, findPhone, type TemplateCategory, type TemplateStatus } from './world';

export interface InboundInput {
  /** Defaults to the world's first number. */
  phoneNumberId?: string;
  /** The customer's wa_id (digits). */
  from: string;
  name?: string;
  text?: string;
  /** A tap on a template quick-reply button (`type: "button"`). */
  button?: { payload: string; text: string };
  /** A tap on an interactive reply button (`type: "interactive"`, `button_reply`). */
  buttonReply?: { id: string; title: string };
  /** The wamid the customer replied to (set for button taps). */
  contextMessageId?: string;
  /**
   * Leave the phone out (`from`, `contacts[].wa_id`) as Meta does when it does not share it with
   * this business. Default: left out for a customer with a username the business never messaged
   * by phone (doc §8).
   */
  withoutPhone?: boolean;
}

/** A control-API failure: tests and the app see `{ error: { message } }` with this status. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/**
 * What Meta's dashboard and a customer's phone would do, for tests and Sandbox mode: the same
 * operations in-process (this object) and over HTTP under `/_sandbox/`.
 */
export function createControl(engine: Engine) {
  const { world } = engine;
  const defaultPhone = () => world.phones[0]?.id ?? '';
  const control = {
    /** The world's ids and credentials. */
    info() {
      return {
        apps: world.apps.map(({ id, name, secret, callbackUrl }) => ({ id, name, secret, callbackUrl: callbackUrl ?? null })),
        wabas: world.wabas.map(({ id, name, subscribedApps }) => ({ id, name, subscribedApps })),
        phones: world.phones.map(({ id, wabaId, displayPhoneNumber, registered }) => ({ id, wabaId, displayPhoneNumber, registered })),
        tokens: world.tokens.map(({ token, kind, expired }) => ({ token, kind, expired: expired ?? false })),
        templates: world.templates.map(({ id, name, language, status, category, previousCategory }) => ({
          id,
          name,
          language,
          status,
          category,
          previousCategory: previousCategory ?? null,
        })),
      };
    },

    /**
     * The customer with this number, as the shop typed it (`(11) 98765-4321`, `+55…`), writes a
     * text to the business: resolved to their wa_id like a send is (Brazil's 9th digit), then
     * `injectInbound`. For Sandbox mode's "customer replies" tool.
     */
    customerWrites(input: { phone?: string; username?: string; text: string }): { id: string; waId: string | null; userId: string; username: string | null } {
      const business = findPhone(world, defaultPhone());
      if (!business) throw new ControlError('The Sandbox has no phone number', 404);
      const waId = control.customerWaId(input);
      const sent = control.injectInbound({ from: waId, text: input.text });
      const username = world.users.find((u) => u.waId === waId)?.username ?? null;
      return { id: sent.id, waId: sent.phoneShared ? waId : null, userId: sent.userId, username };
    },

    /** The wa_id of a customer named by phone (as the shop typed it) or by username (`@ana`). */
    customerWaId(input: { phone?: string; username?: string }): string {
      const business = findPhone(world, defaultPhone());
      if (!business) throw new ControlError('The Sandbox has no phone number', 404);
      if (input.username !== undefined && input.username.trim() !== '') {
        const user = userByUsername(world, input.username);
        if (!user) throw new ControlError(`No customer with the username ${input.username}`, 404);
        return user.waId;
      }
      if (input.phone === undefined) throw new ControlError('Give phone or username');
      const recipient = resolveRecipient(world, input.phone, business);
      if (!recipient.onWhatsApp) throw new ControlError(`${input.phone} is not on WhatsApp`, 404);
      return recipient.waId;
    },

    /**
     * The customer's business-scoped user ID changes (doc §8): a `system` message
     * `user_changed_user_id` with the new BSUID and no phone, no `contacts[]`.
     */
    changeUserId(input: { phone?: string; username?: string }): { oldUserId: string; newUserId: string } {
      const phoneId = defaultPhone();
      const phone = findPhone(world, phoneId);
      if (!phone) throw new ControlError('The Sandbox has no phone number', 404);
      const waId = control.customerWaId(input);
      const oldUserId = bsuidOf(world, phone.wabaId, waId);
      world.bsuidGenerations.set(waId, (world.bsuidGenerations.get(waId) ?? 0) + 1);
      const newUserId = bsuidOf(world, phone.wabaId, waId);
      const name = world.users.find((u) => u.waId === waId)?.name ?? 'Cliente';
      const now = engine.now();
      engine.emitMessages(phoneId, {
        messaging_product: 'whatsapp',
        metadata: engine.metadata(phoneId),
        messages: [
          {
            from_user_id: oldUserId,
            id: engine.newWamid(waId),
            timestamp: String(Math.floor(now / 1000)),
            type: 'system',
            system: { body: `User ${name} changed from ${oldUserId} to ${newUserId}`, user_id: newUserId, type: 'user_changed_user_id' },
          },
        ],
      });
      return { oldUserId, newUserId };
    },

    /** A customer writes to the business: opens the 24-hour window and sends a `messages` webhook. */
    injectInbound(input: InboundInput): { id: string; userId: string; phoneShared: boolean } {
      const phoneId = input.phoneNumberId ?? defaultPhone();
      const phone = findPhone(world, phoneId);
      if (!phone) throw new ControlError(`Unknown phone number id ${phoneId}`, 404);
      if (!/^\d{8,15}$/.test(input.from)) throw new ControlError('from must be a wa_id (8–15 digits)');
      const now = engine.now();
      const id = engine.newWamid(input.from);
      world.windows.set(engine.windowKey(phoneId, input.from), now + 24 * 3_600_000);
      const context = input.contextMessageId ? { context: { from: digitsOf(phone.displayPhoneNumber), id: input.contextMessageId } } : {};
      let content: Record<string, unknown>;
      if (input.button) content = { type: 'button', button: input.button };
      else if (input.buttonReply) content = { type: 'interactive', interactive: { type: 'button_reply', button_reply: input.buttonReply } };
      else if (typeof input.text === 'string' && input.text !== '') content = { type: 'text', text: { body: input.text } };
      else throw new ControlError('Give text, button or buttonReply');
      engine.inbound.push({ id, phoneNumberId: phoneId, from: input.from, type: String(content.type), at: now, markedRead: false });
      const user = world.users.find((u) => u.waId === input.from);
      const name = input.name ?? user?.name ?? 'Cliente';
      // Since 2026 every message carries the BSUID; the phone only when Meta shares it (doc §8).
      const userId = bsuidOf(world, phone.wabaId, input.from);
      const withPhone = input.withoutPhone === true ? false : phoneShared(world, phone.wabaId, input.from);
      engine.emitMessages(phoneId, {
        messaging_product: 'whatsapp',
        metadata: engine.metadata(phoneId),
        contacts: [{ profile: { name, ...(user?.username ? { username: user.username } : {}) }, ...(withPhone ? { wa_id: input.from } : {}), user_id: userId }],
        messages: [{ ...context, ...(withPhone ? { from: input.from } : {}), from_user_id: userId, id, timestamp: String(Math.floor(now / 1000)), ...content }],
      });
      return { id, userId, phoneShared: withPhone };
    },

    /**
     * As Meta's review would: changes the status and notifies the app callback. The automatic
     * approval of a template created PENDING no longer applies to it (PENDING stays PENDING).
     */
    setTemplateStatus(input: { wabaId?: string; name: string; language: string; status: TemplateStatus; reason?: string }) {
      const template = world.templates.find(
        (t) => t.name === input.name && t.language === input.language && (!input.wabaId || t.wabaId === input.wabaId),
      );
      if (!template) throw new ControlError(`No template ${input.name} (${input.language})`, 404);
      template.reviewDecided = true;
      setTemplateStatus(engine, template, input.status, input.reason);
      return { id: template.id, status: template.status };
    },

    /**
     * As Meta's category review would: moves an approved template to `category` (UTILITY →
     * MARKETING, or back after a re-submission), so the template list shows it with
     * `previous_category`, and sends the signed `template_category_update` to app callbacks.
     * `impending`: only Meta's 24-hour notice, nothing changes.
     */
    setTemplateCategory(input: { wabaId?: string; name: string; language: string; category: TemplateCategory; impending?: boolean }) {
      const template = world.templates.find(
        (t) => t.name === input.name && t.language === input.language && (!input.wabaId || t.wabaId === input.wabaId),
      );
      if (!template) throw new ControlError(`No template ${input.name} (${input.language})`, 404);
      if (template.status !== 'APPROVED') throw new ControlError(`Meta re-categorises approved templates only (${template.name} is ${template.status})`);
      if (template.category === input.category && !input.impending) throw new ControlError(`${template.name} is already ${input.category}`);
      setTemplateCategory(engine, template, input.category, input.impending === true);
      return { id: template.id, category: template.category, previousCategory: template.previousCategory ?? null };
    },

    /** From now on the token answers 190/463 "Session has expired". */
    expireToken(token: string) {
      const found = world.tokens.find((t) => t.token === token);
      if (!found) throw new ControlError('Unknown token', 404);
      found.expired = true;
      found.expiresAt = Math.min(found.expiresAt ?? engine.now(), engine.now() - 1000);
      return { expired: true };
    },

    setRateLimits: (change: Partial<RateLimitSettings>) => engine.limits.update(change),
    setQuirks: (change: Partial<SandboxQuirks>) => (engine.quirks = { ...engine.quirks, ...change }),
    setTiming: (change: Partial<SandboxTiming>) => (engine.timing = { ...engine.timing, ...change }),

    /** Opens or closes a customer-service window without a message. */
    setWindow(input: { phoneNumberId?: string; waId: string; open: boolean }) {
      const key = engine.windowKey(input.phoneNumberId ?? defaultPhone(), input.waId);
      if (input.open) world.windows.set(key, engine.now() + 24 * 3_600_000);
      else world.windows.delete(key);
      return { open: input.open };
    },

    /** Plants an error for the next `times` Graph calls whose "METHOD /path" contains `match`. */
    addFault(fault: Omit<Fault, 'remaining'> & { times?: number }) {
      engine.faults.push({ match: fault.match, code: fault.code, remaining: fault.times ?? 1, status: fault.status, details: fault.details });
      return { planted: true };
    },

    /**
     * A Meta outage for `forMs` of clock time from now: every Graph call answers `status` (500 →
     * code 1 "unknown error", 503 → code 2 "service temporarily unavailable"), or with
     * `kind: 'hang'` is read and never answered. Nothing called during it takes effect.
     * `forMs: 0` ends it.
     */
    setOutage(input: { forMs: number; kind?: 'error' | 'hang'; status?: number }) {
      if (!Number.isFinite(input.forMs) || input.forMs < 0) throw new ControlError('forMs must be a number of milliseconds ≥ 0');
      const kind = input.kind ?? 'error';
      if (kind !== 'error' && kind !== 'hang') throw new ControlError('kind must be "error" or "hang"');
      const status = input.status ?? 500;
      if (status !== 500 && status !== 503) throw new ControlError('status must be 500 or 503');
      engine.outage = input.forMs === 0 ? null : { until: engine.now() + input.forMs, kind, status };
      return { until: engine.outage?.until ?? null, kind, status };
    },

    /** What the business sent, oldest first. */
    sent(filter: { phoneNumberId?: string; to?: string } = {}): SentMessage[] {
      return engine.sent.filter(
        (m) => (!filter.phoneNumberId || m.phoneNumberId === filter.phoneNumberId) && (!filter.to || m.waId === filter.to || m.input === filter.to),
      );
    },

    /** Every webhook POST attempt, with the exact bytes and signature. */
    deliveries: (): readonly DeliveryAttempt[] => engine.delivery.attempts(),
    dropped: () => engine.dropped,

    /** Puts the world into one of the broken states the setup doctor recognises (scenarios.ts). */
    scenario: (input: ScenarioInput) => applyScenario(engine, input),

    /** Meta's servers fetch `url` now (the doctor's reachability self-test in Sandbox mode). */
    probe: (url: string) => probeFromOutside(engine, url),

    /** The App Dashboard's callback URL + verify token: refused unless the GET handshake passes. */
    async setAppCallback(input: { appId?: string; url: string; verifyToken: string }) {
      const app = input.appId ? world.apps.find((a) => a.id === input.appId) : world.apps[0];
      if (!app) throw new ControlError('Unknown app', 404);
      if (input.url === '') {
        delete app.callbackUrl;
        return { callbackUrl: null };
      }
      const check = await verifyCallback(input.url, input.verifyToken, engine.prng, engine.timing.deliveryTimeoutMs, engine.resolveHost);
      if (!check.ok) throw new ControlError(`Callback verification failed: ${check.reason}`);
      app.callbackUrl = input.url;
      app.verifyToken = input.verifyToken;
      return { callbackUrl: app.callbackUrl };
    },
  };
  return control;
}

export type SandboxControl = ReturnType<typeof createControl>;
