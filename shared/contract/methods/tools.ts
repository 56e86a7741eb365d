import { z } from 'zod';
import { method } from '../define';
import type { CallbackRegistration } from './tunnel';

/** A failed Graph call, for the Tools screen: a stable reason the renderer explains, plus Meta's words. */
export interface ToolsError {
  /** `auth`, `permission`, `registration`, `rate_limit`, `server`, `network`, `not_configured`, … (`tools.reason.*`). */
  reason: string;
  code: number | null;
  title: string | null;
  details: string | null;
  fbtraceId: string | null;
}

/** Each part of the account information is fetched on its own: one refusal does not hide the rest. */
export type ToolsPart<T> = { ok: true; data: T } | { ok: false; error: ToolsError };

export interface ToolsPhoneInfo {
  id: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  codeVerificationStatus: string | null;
  status: string | null;
  nameStatus: string | null;
  platformType: string | null;
  throughput: string | null;
  accountMode: string | null;
  messagingLimitTier: string | null;
  /** Which callback Meta uses for this number: phone override > WABA override > app (first one wins). */
  webhook: { application: string | null; whatsappBusinessAccount: string | null; phoneNumber: string | null };
}

export interface ToolsAccountInfo {
  mode: 'sandbox' | 'live';
  account: { phoneNumberId: string; businessAccountId: string; appId: string; apiVersion: string };
  /** `GET /{phone-number-id}` with every field Recado knows. */
  phone: ToolsPart<ToolsPhoneInfo>;
  /** `GET /{waba-id}/phone_numbers`. */
  phoneNumbers: ToolsPart<ToolsPhoneInfo[]>;
  /** `GET /{waba-id}/subscribed_apps`: apps receiving this WABA's webhooks and their override. */
  subscribedApps: ToolsPart<{ appId: string; name: string | null; overrideCallbackUri: string | null }[]>;
  /** `GET /debug_token` (needs the app secret): token type and expiry. */
  token: ToolsPart<{ type: string | null; isValid: boolean; permanent: boolean; expiresAt: number | null; scopes: string[] }>;
  /** The URL Recado wants Meta to call (tunnel or Sandbox's local one), if known. */
  expectedCallbackUrl: string | null;
}

export const toolsMethods = {
  /** The manual's "Ferramentas → Informações da Conta": account, number, webhook chain, token. */
  'tools.accountInfo': method(z.object({}).strict()).returns<ToolsAccountInfo>(),
  /** "Ferramentas → Registrar Telefone": `POST /{phone-id}/register` with the two-step PIN. */
  'tools.registerPhone': method(
    z.object({ pin: z.string().trim().regex(/^\d{6}$/, { error: 'validation.pin' }) }).strict(),
  ).returns<{ registered: true }>(),
  /** "Ferramentas → Atualizar URL Webhook": registers the current callback URL at Meta now. */
  'tools.updateWebhook': method(z.object({}).strict()).returns<CallbackRegistration>(),
};
