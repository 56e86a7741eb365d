import { z } from 'zod';
import { method } from '../define';
import type { MetaProblemView } from '../../domain/meta-problems';
import type { ApiCheck } from './status';
import { saveCredentialsSchema, type CredentialsView } from '../../settings/credentials';

/** What "Test connection" learned about the saved token. */
export interface TokenCheck {
  /** `sandbox`: the test talked to the simulated Meta (the demo number), not to Meta. */
  mode: 'sandbox' | 'live';
  api: ApiCheck;
  token: {
    /** permanent = System User token (`expires_at: 0`); temporary expires, usually within 24 h. */
    kind: 'permanent' | 'temporary' | 'invalid' | 'unknown';
    type: string | null;
    expiresAt: number | null;
    scopes: string[];
    missingScopes: string[];
    problem: MetaProblemView | null;
    /** Why the kind is unknown, when it is. */
    reason: 'token_missing' | 'app_credentials_missing' | 'check_failed' | null;
  };
}

export const credentialsMethods = {
  /** Asks Meta whether the saved credentials work, and what kind of token is saved. */
  'credentials.test': method(z.object({}).strict()).returns<TokenCheck>(),
  /** The "API Credentials" screen: plain fields, and for secrets only set/not set + last 4. */
  'credentials.get': method(z.object({}).strict()).returns<CredentialsView>(),
  /** Validates, stores secrets encrypted, and answers with the same masked view. */
  'credentials.save': method(saveCredentialsSchema.strict()).returns<CredentialsView>(),
};
