/** The wizard's two paths; both end with a test message and the event templates. */
export type WizardPath = 'sandbox' | 'meta';
export type WizardStep = 'choose' | 'app' | 'token' | 'ids' | 'register' | 'webhook' | 'doctor' | 'test' | 'templates';

export const STEPS: Record<WizardPath, WizardStep[]> = {
  sandbox: ['choose', 'test', 'templates'],
  // The guide's order: app, permanent token, ids, register the number, webhook; then the doctor.
  meta: ['choose', 'app', 'token', 'ids', 'register', 'webhook', 'doctor', 'test', 'templates'],
};

/** Meta's pages the guide names (000_30e106cf9d5aade6.txt), opened from the steps. */
export const META_LINKS = {
  apps: 'https://developers.facebook.com/apps/',
  systemUsers: 'https://business.facebook.com/settings/system-users',
  permanentToken:
    'https://developers.facebook.com/docs/whatsapp/business-management-api/get-started#1--acquire-an-access-token-using-a-system-user-or-facebook-login',
} as const;

/** A Sandbox customer who is on WhatsApp (the demo world's Maria), for the test message. */
export const SANDBOX_SAMPLE_PHONE = '(11) 98765-4321';
