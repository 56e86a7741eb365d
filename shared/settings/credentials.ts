import { z } from 'zod';
import { NEWEST_TESTED_VERSION } from '../domain/graph-versions';

/** Secrets Recado keeps. They are encrypted at rest and never sent to the renderer in clear. */
export const SECRET_NAMES = [
  'accessToken',
  'appSecret',
  'verifyToken',
  'wooConsumerKey',
  'wooConsumerSecret',
  'wooWebhookSecret',
  'orderEndpointSecret',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** What the renderer may know about a secret. */
export interface SecretSummary {
  set: boolean;
  /** Last 4 characters, so the owner can tell which token is stored. */
  last4: string | null;
}

/** Graph API version as Meta writes it in URLs: `v23.0`. */
export const API_VERSION_PATTERN = /^v\d{1,3}\.\d$/;
/** New installs start on the newest version Recado is tested against (the dated table). */
export const DEFAULT_API_VERSION = NEWEST_TESTED_VERSION;

const numericId = z
  .string()
  .trim()
  .regex(/^\d{5,25}$/, { error: 'validation.numericId' });

/** Non-secret fields of "API Credentials". Empty string = not filled in yet. */
export const credentialFieldsSchema = z.object({
  phoneNumberId: numericId.or(z.literal('')),
  appId: numericId.or(z.literal('')),
  businessAccountId: numericId.or(z.literal('')),
  apiVersion: z.string().trim().regex(API_VERSION_PATTERN, { error: 'validation.apiVersion' }),
});
export type CredentialFields = z.infer<typeof credentialFieldsSchema>;

export const DEFAULT_CREDENTIAL_FIELDS: CredentialFields = {
  phoneNumberId: '',
  appId: '',
  businessAccountId: '',
  apiVersion: DEFAULT_API_VERSION,
};

/**
 * A secret in a save request: omitted = keep what is stored; `null` = remove it; a string =
 * replace it. Tokens are opaque to us (Meta says not to parse them), so only length and
 * "no spaces" are checked.
 */
const secretChange = (minLength: number, key: string) =>
  z
    .string()
    .trim()
    .min(minLength, { error: key })
    .max(2048, { error: key })
    .regex(/^\S+$/, { error: key })
    .nullable()
    .optional();

export const saveCredentialsSchema = credentialFieldsSchema.extend({
  accessToken: secretChange(20, 'validation.accessToken'),
  /** Meta app secrets are 32 hex characters. */
  appSecret: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, { error: 'validation.appSecret' })
    .nullable()
    .optional(),
});
export type SaveCredentialsInput = z.input<typeof saveCredentialsSchema>;

export interface CredentialsView extends CredentialFields {
  accessToken: SecretSummary;
  appSecret: SecretSummary;
}
