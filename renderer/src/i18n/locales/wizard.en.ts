import type { SameShape } from './same-shape';
import type { wizardPtBR } from './wizard.pt-BR';

/**
 * The first-run wizard (features/wizard). (English: same keys as the pt-BR file, checked by the
 * compiler).
 */
export const wizardEn: SameShape<typeof wizardPtBR> = {
  title: 'Welcome to Recado',
  skip: 'Skip the wizard',
  back: 'Back',
  next: 'Continue',
  finish: 'Finish',
  reopen: 'Open the setup wizard',
  reopenHelp: 'Redo the setup step by step: try the Sandbox or connect your WhatsApp.',
  choose: {
    title: 'How do you want to start?',
    sandbox: 'Try it first',
    sandboxHelp: 'Use the Meta simulator, no sign-up: watch a message go out and its receipt come back. Connect your WhatsApp later.',
    meta: 'Connect my WhatsApp',
    metaHelp: 'Follow the steps in Meta’s dashboard (about 20 minutes). Each field is tested as soon as you paste it.',
    recommended: 'Recommended',
  },
  steps: {
    choose: 'Start',
    app: 'Meta app',
    token: 'Token',
    ids: 'IDs',
    register: 'Registration',
    webhook: 'Webhook',
    doctor: 'Doctor',
    test: 'Test message',
    templates: 'Templates',
  },
  app: {
    title: 'Create the app at Meta',
    step1: 'Go to developers.facebook.com, click Create app and choose Other > Business.',
    step2: 'Under Products, add WhatsApp and pick your business.',
    step3: 'In App settings > Basic, copy the App ID and the App secret.',
    openApps: 'Open Meta’s dashboard',
    appId: 'App ID',
    appSecret: 'App secret',
  },
  token: {
    title: 'Permanent token',
    step1: 'In Business settings > System users, create an admin system user.',
    step2: 'Assign it the app and the WhatsApp account, and generate a never-expiring token with whatsapp_business_messaging and whatsapp_business_management.',
    openGuide: 'Official permanent token guide',
    label: 'Access token',
    permanent: 'Permanent token with both permissions.',
    temporary: 'This token is temporary (expires on {{date}}). It works for testing, but generate a permanent one.',
    invalid: 'The token is not valid.',
    missingScopes: 'Missing permissions: {{scopes}}.',
  },
  ids: {
    title: 'Number and account IDs',
    help: 'In WhatsApp > API Setup, copy the Phone number ID and the WhatsApp Business Account ID.',
    phoneNumberId: 'Phone number ID',
    businessAccountId: 'WhatsApp Business Account ID',
    ok: 'Number found: {{number}}',
  },
  register: {
    title: 'Register the number',
    done: 'The number is already registered on the Cloud API.',
    needed: 'The number must be registered once with a 6-digit PIN.',
    button: 'Register',
  },
  webhook: {
    title: 'Receive receipts and replies',
    help: 'Meta must reach this computer to deliver receipts and replies. Recado opens a tunnel by itself; if you have your own HTTPS address, enter it.',
    tunnel: 'Automatic tunnel (recommended)',
    ownUrl: 'My own HTTPS address',
    ownUrlLabel: 'Public address',
    apply: 'Set up and check',
  },
  doctorStep: {
    title: 'Full check',
    help: 'The doctor checks everything and offers one-click fixes.',
  },
  test: {
    title: 'Send a message to yourself',
    help: 'Enter your mobile number. Recado sends a test message and shows here when it is delivered.',
    phone: 'Your mobile with area code',
    send: 'Send test message',
    sent: 'Sent. Waiting for the delivery receipt…',
    delivered: 'Delivered! The delivery receipt arrived.',
    read: 'Delivered and read!',
    failed: 'Meta did not deliver the message (code {{code}}).',
    sandboxHint: 'In the Sandbox, use a sample number: {{phone}}.',
  },
  templates: {
    title: 'Event templates',
    help: 'Each order event sends a template approved by Meta. Check them below and adjust in Message templates whenever you like.',
    open: 'Open Message templates',
  },
  done: 'Setup complete',
};
