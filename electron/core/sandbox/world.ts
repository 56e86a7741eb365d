/**
 * The emulator's world: plain data a test or the demo builds, copied into mutable state when
 * the emulator starts. Shapes mirror what Meta exposes (ids as strings, template components in
 * Meta's uppercase response form) so routes can answer from it almost verbatim.
 */

export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';

export interface TemplateButton {
  type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE';
  text: string;
  /** For URL buttons; a trailing `{{1}}` makes the suffix dynamic (one `text` param at send). */
  url?: string;
  phone_number?: string;
  example?: string[];
}

export interface TemplateComponent {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
  format?: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';
  text?: string;
  buttons?: TemplateButton[];
  example?: Record<string, unknown>;
}

export interface SandboxTemplate {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  /** Set when Meta re-categorised the template (`previous_category` in the list). */
  previousCategory?: TemplateCategory;
  status: TemplateStatus;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
  /**
   * Set when the control API decided the review (`POST /_sandbox/templates/status`): the
   * automatic approval after `templateReviewMs` then leaves the template alone, so a test can
   * hold one in PENDING for as long as it needs.
   */
  reviewDecided?: boolean;
}

export interface SandboxToken {
  token: string;
  /** Permanent = System User token that never expires (`expires_at: 0` in debug_token). */
  kind: 'permanent' | 'temporary';
  /** Epoch ms; only for temporary tokens. */
  expiresAt?: number;
  type: 'SYSTEM_USER' | 'USER';
  appId: string;
  userId: string;
  issuedAt: number;
  /** e.g. whatsapp_business_messaging, whatsapp_business_management. */
  scopes: string[];
  /** WABAs the token's user has asset access to; others answer 200 (D:access-tokens). */
  wabaIds: string[];
  /** Set by the control API: calls answer 190/463 from then on. */
  expired?: boolean;
}

export interface SandboxApp {
  id: string;
  name: string;
  secret: string;
  /** The App Dashboard callback; set through the control API after a GET handshake. */
  callbackUrl?: string;
  verifyToken?: string;
}

export interface SandboxWaba {
  id: string;
  name: string;
  /** Apps subscribed through POST /subscribed_apps, with their WABA-level override. */
  subscribedApps: { appId: string; overrideCallbackUri?: string }[];
}

export interface SandboxPhone {
  id: string;
  wabaId: string;
  /** As Meta shows it, e.g. "+55 11 4000-1234"; the digits are the business's own wa_id. */
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
  throughputLevel: 'STANDARD' | 'HIGH';
  codeVerificationStatus: 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED';
  status: 'CONNECTED' | 'DISCONNECTED' | 'FLAGGED' | 'RESTRICTED';
  registered: boolean;
  /** Two-step verification PIN; when set, /register must be given this PIN (133005). */
  pin?: string;
  overrideCallbackUri?: string;
  /** Test numbers only deliver to up to 5 allowed recipients (131030). */
  allowedRecipients?: string[];
  /** Throughput in messages per second (Meta's default is 80). */
  messagesPerSecond: number;
  /** Set to 368 or 131031 to make every send fail like a blocked account. */
  blockedWith?: 368 | 131031;
  /** `SANDBOX` for Meta's test numbers (only allowed recipients, 131030); default LIVE. */
  accountMode?: 'LIVE' | 'SANDBOX';
  /**
   * Still on the WhatsApp Business app (`is_on_biz_app`): without Coexistence through a Tech
   * Provider's Embedded Signup it cannot be registered for the Cloud API (doc §8).
   */
  onBusinessApp?: boolean;
  /** Portfolio messaging limit as `whatsapp_business_manager_messaging_limit` shows it. */
  messagingLimit?: string;
}

export interface SandboxUser {
  /** WhatsApp's id for the user: digits, no `+`; for many Brazilian users without the 9th digit. */
  waId: string;
  name: string;
  /** Has read receipts on (default true): without them `read` never arrives. */
  readReceipts?: boolean;
  /**
   * The WhatsApp username the customer enabled (2026, `profile.username`). Such a customer's
   * phone is withheld from the business's webhooks unless the business messaged them by phone
   * (Meta's contact book; doc §8).
   */
  username?: string;
}

export interface SandboxWorld {
  apps: SandboxApp[];
  wabas: SandboxWaba[];
  phones: SandboxPhone[];
  templates: SandboxTemplate[];
  tokens: SandboxToken[];
  users: SandboxUser[];
  /** When true, numbers not in `users` still exist on WhatsApp (wa_id = the digits dialled). */
  everyoneOnWhatsApp: boolean;
  /** wa_ids that are not on WhatsApp even if `everyoneOnWhatsApp` (→ 131026 by webhook). */
  notOnWhatsApp: string[];
  /** wa_ids that hit Meta's per-user marketing cap (→ 131049 by webhook on MARKETING sends). */
  marketingCapped: string[];
  /** Graph version of the app's webhook setting; v24+ drops `conversation` from statuses. */
  webhookVersion: string;
}

/** A world's mutable state while the emulator runs. */
export interface WorldState extends SandboxWorld {
  /** `${phoneId}:${waId}` → epoch ms when the 24-hour customer-service window closes. */
  windows: Map<string, number>;
  /** wa_id → how many times the customer's BSUID changed (`identities.ts`). */
  bsuidGenerations: Map<string, number>;
  /** `${wabaId}:${waId}`: the business sent to this customer by phone (Meta then shares the phone). */
  messagedByPhone: Set<string>;
  /** phoneId → epoch ms of register/deregister calls (10 per 72 h → 133016). */
  registerCalls: Map<string, number[]>;
  nextTemplateId: number;
}

export function createWorldState(world: SandboxWorld): WorldState {
  return {
    ...structuredClone(world),
    windows: new Map(),
    bsuidGenerations: new Map(),
    messagedByPhone: new Set(),
    registerCalls: new Map(),
    nextTemplateId: 1_000_000_000_000_000 + world.templates.length,
  };
}

export const findPhone = (w: WorldState, id: string) => w.phones.find((p) => p.id === id);
export const findWaba = (w: WorldState, id: string) => w.wabas.find((x) => x.id === id);
export const findApp = (w: WorldState, id: string) => w.apps.find((a) => a.id === id);
export const digitsOf = (display: string) => display.replace(/\D/g, '');
