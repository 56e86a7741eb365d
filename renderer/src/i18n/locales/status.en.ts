import type { SameShape } from './same-shape';
import type { statusPtBR } from './status.pt-BR';

/**
 * The connection status screen (features/status), including its start-up notices. (English: same
 * keys as the pt-BR file, checked by the compiler).
 */
export const statusEn: SameShape<typeof statusPtBR> = {
  title: 'Connection status',
  lastChecked: 'Last checked {{when}}',
  neverChecked: 'Not checked yet',
  refresh: 'Check now',
  sandboxBadge: 'Sandbox',
  sandboxHint: 'Sandbox mode: nothing leaves this computer. Customers, Meta and replies are simulated.',
  apiStatus: 'API status',
  connected: 'Connected',
  notConnected: 'Problem',
  notConfigured: 'Not configured',
  graphVersion: 'Graph API {{version}}',
  phoneNumber: 'Phone number',
  phoneId: 'ID: {{id}}',
  messagesToday: 'Messages today',
  deliveredRead: 'Delivered: {{delivered, number}} · Read: {{read, number}}',
  queue: 'Queue',
  pending: '{{count, number}} pending',
  pending_zero: '{{count, number}} pending',
  pending_one: '{{count, number}} pending',
  tunnel: 'Webhook tunnel',
  tunnelState: {
    stopped: 'Stopped',
    connecting: 'Connecting…',
    online: 'Online',
    offline: 'Offline',
  },
  tunnelSandbox: 'In Sandbox mode the simulated Meta delivers webhooks straight to this computer.',
  tunnelRetry: 'Retrying {{when}}',
  lastCallback: 'Last callback from Meta {{when}}',
  chartTitle: 'Messages per day (last 30 days)',
  chartSeries: {
    sent: 'Sent',
    delivered: 'Delivered',
    read: 'Read',
    failed: 'Failed',
  },
  costTitle: 'Estimated cost this month',
  costHint: 'Estimate: the messages Meta reported as charged (in each message’s receipts) times the rate per country and category you set. Meta charges in US dollars and changes rates every quarter; since October 1, 2026 it also charges utility messages inside the customer service window.',
  costNone: 'No billable messages this month.',
  costCategory: 'Category',
  costCount: 'Billable',
  costRate: 'Rate per message',
  costEstimate: 'Estimate',
  costTotal: 'Estimated total',
  editRates: 'Edit rates',
  ratesTitle: 'Estimated rate per message (US$)',
  category: {
    marketing: 'Marketing',
    utility: 'Utility',
    authentication: 'Authentication',
    'authentication-international': 'Authentication (international)',
    service: 'Service',
  },
  startupNotice: {
    dismiss: 'Dismiss notice',
    settings_damaged: {
      title: 'Settings reset to defaults',
      text: 'The settings file was damaged; Recado started with the default settings. A copy was kept at {{path}}. Check your settings and save them again.',
    },
    secret_key_damaged: {
      title: 'Secret key replaced',
      text: 'The secret key file was damaged; Recado made a new key and can no longer read the saved secrets. Type the access token and the app secret again in API credentials. A copy was kept at {{path}}.',
    },
  },
};
