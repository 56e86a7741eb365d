import type { SameShape } from './same-shape';
import type { credentialsPtBR } from './credentials.pt-BR';

/**
 * The API credentials screen (features/credentials). (English: same keys as the pt-BR file,
 * checked by the compiler).
 */
export const credentialsEn: SameShape<typeof credentialsPtBR> = {
  title: 'API credentials',
  path: 'Meta Business Manager → WhatsApp → API Setup',
  tokenAdvice: 'Use a System User permanent token from Meta Business Manager. Temporary tokens expire in 24 hours and should not be used in production.',
  secretSaved: 'Saved: ••••{{last4}}',
  secretNotSet: 'Not set',
  keepPlaceholder: 'Leave blank to keep the saved one',
  clearSecret: 'Remove',
  secretRemoved: 'Will be removed on save',
  undoClear: 'Undo',
  test: {
    button: 'Test connection',
    connected: 'Connected to Meta',
    connectedSandbox: 'Connected to the simulated Meta (Sandbox mode)',
    sandboxNote: 'The test used the Sandbox’s simulated Meta and demo number, not the real Meta. The credentials in this form are only used when Sandbox is off.',
    fixFields: 'Fix the marked fields before testing.',
    number: '{{name}} · {{number}}',
    permanent: 'Permanent token (System User): it never expires.',
    temporary: 'Temporary token',
    expiresAt: 'Expires on {{when}}.',
    temporaryAdvice: 'When it expires, sending stops. Replace it with a permanent System User token.',
    howTo: 'How to create a permanent token',
    missingScopes: 'Permissions missing from the token',
    unknown: {
      token_missing: 'Save the access token to test it.',
      app_credentials_missing: 'To tell whether the token is permanent, also save the app ID and the app secret.',
      check_failed: 'Could not check the token type.',
    },
  },
  fields: {
    accessToken: {
      label: 'Access token',
      help: 'Permanent System User token',
    },
    phoneNumberId: {
      label: 'Phone number ID',
      help: 'Numeric ID from API Setup',
    },
    appId: {
      label: 'App ID',
      help: 'Meta App identifier',
    },
    appSecret: {
      label: 'App secret',
      help: 'Used for webhook signature verification',
    },
    businessAccountId: {
      label: 'Business account ID',
      help: "Shown in Meta's dashboard under WhatsApp → API Setup",
    },
    apiVersion: {
      label: 'API version',
      help: 'Graph API version',
    },
  },
};
