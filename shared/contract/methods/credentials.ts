import { z } from 'zod';
import { method } from '../define';
import { saveCredentialsSchema, type CredentialsView } from '../../settings/credentials';

export const credentialsMethods = {
  /** The "API Credentials" screen: plain fields, and for secrets only set/not set + last 4. */
  'credentials.get': method(z.object({}).strict()).returns<CredentialsView>(),
  /** Validates, stores secrets encrypted, and answers with the same masked view. */
  'credentials.save': method(saveCredentialsSchema.strict()).returns<CredentialsView>(),
};
