import type { SameShape } from './same-shape';
import type { webhookPtBR } from './webhook.pt-BR';

/**
 * The webhook screen (features/webhook): URL, verify token, tunnel and registration states.
 * (English: same keys as the pt-BR file, checked by the compiler).
 */
export const webhookEn: SameShape<typeof webhookPtBR> = {
  title: 'Webhook Configuration',
  subtitle: 'Receive delivery status updates from WhatsApp',
  fields: 'Under “Webhook fields”, subscribe to:',
  explanation: 'Configure this URL in Meta App Dashboard → WhatsApp → Configuration → Webhook. The webhook receives delivery receipts (sent, delivered, read) and updates the message log automatically.',
  sandboxTitle: 'Sandbox mode',
  sandboxText: 'In Sandbox mode, receipts are delivered locally by the Meta emulator, on this computer. Nothing needs to be set up at Meta.',
  url: 'Webhook URL',
  urlHelp: 'Auto-generated; register in Meta',
  noUrl: 'No public address yet (tunnel disconnected)',
  token: 'Verify Token',
  tokenHelp: 'Shared secret for webhook verification',
  reveal: 'Show',
  regenerate: 'Generate new token',
  tokenRegenerated: 'New token generated. Paste it at Meta on the next verification.',
  verifiedLabel: 'Last verified by Meta',
  verified: 'Verified on {{when}}',
  notVerified: 'Not verified yet',
  lastCallbackLabel: 'Last callback',
  never: 'none yet',
  registrationLabel: 'Registration at Meta',
  registration: {
    idle: 'Waiting',
    not_configured: 'Not configured',
    registering: 'Registering…',
    registered: 'Registered',
    failed: 'Refused',
  },
  reason: {
    credentials_missing: 'Fill in the API credentials (WhatsApp Business Account ID) to register.',
    verify_token_missing: 'The verify token does not exist yet; it is created when the webhook starts.',
    server_unreachable: 'The tunnel server did not answer. Check the internet; we will retry.',
    server_refused: 'The tunnel server refused the connection.',
    connection_lost: 'The tunnel connection dropped; reconnecting.',
  },
  tunnelTitle: 'Tunnel',
  tunnelState: {
    stopped: 'Stopped',
    connecting: 'Connecting…',
    online: 'Connected',
    offline: 'Disconnected',
  },
  modeLocaltunnel: 'Automatic tunnel (localtunnel)',
  modePublicUrl: 'My own public URL',
  publicUrl: 'Public URL',
  publicUrlHelp: 'An https:// address of yours that forwards to this computer.',
  localtunnelHost: 'localtunnel server',
  localtunnelHostHelp: 'Keep https://localtunnel.me unless you run your own server.',
  optOutTitle: 'Opt-out keywords',
  optOutKeywords: 'Keywords',
  optOutHelp: 'If the customer replies with only one of these words, the number is blacklisted. Enter to add.',
  optOutPayloads: 'Quick-reply button codes',
  optOutPayloadsHelp: 'When the customer taps a quick-reply button of the template that sends back one of these codes, they are unsubscribed.',
};
