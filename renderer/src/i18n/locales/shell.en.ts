import type { SameShape } from './same-shape';
import type { shellPtBR } from './shell.pt-BR';

/**
 * The shell's words: app name, menu, unsaved-changes dialog, common buttons (copy, port conflict),
 * preferences and the contract's error codes (`errors.<code>`). (English: same keys as the pt-BR
 * file, checked by the compiler).
 */
export const shellEn: SameShape<typeof shellPtBR> = {
  app: {
    name: 'Recado',
    tagline: 'WhatsApp order notifications',
    skipToContent: 'Skip to content',
  },
  nav: {
    main: 'Main menu',
    status: 'Connection status',
    credentials: 'API credentials',
    events: 'Notification events',
    templates: 'Message templates',
    dispatch: 'Dispatch & anti-ban',
    webhook: 'Webhook',
    tracking: 'Tracking URLs',
    log: 'Message log',
    blacklist: 'Blacklist',
    orders: 'Orders',
    tools: 'Tools',
    doctor: 'Setup doctor',
  },
  unsaved: {
    title: 'Discard changes?',
    text: 'This screen has changes that are not saved yet. If you leave now, they will be lost.',
    keepEditing: 'Keep editing',
    discard: 'Discard',
    save: 'Save and leave',
  },
  common: {
    save: 'Save',
    saved: 'Changes saved',
    cancel: 'Cancel',
    loading: 'Loading…',
    retry: 'Try again',
    openMenu: 'Open menu',
    copy: 'Copy',
    copied: 'Copied',
    copyLabel: 'Copy {{label}}',
    portConflict: {
      title: 'Webhook port {{wanted}} is taken',
      text: 'Another program is using port {{wanted}}, so Recado opened its webhook on port {{actual}} for now. Systems that send orders to http://127.0.0.1:{{wanted}} (an ERP, a local WooCommerce) cannot reach Recado until you close that program and restart Recado, or switch to the new port.',
      keep: 'Use port {{actual}} from now on',
      kept: 'Port {{port}} saved: Recado uses it again at every start.',
    },
  },
  preferences: {
    language: 'Language',
    colorScheme: 'Appearance',
    light: 'Light',
    dark: 'Dark',
    auto: 'Automatic',
  },
  errors: {
    title: 'Could not finish',
    databaseBusy: "Recado's database is locked by another program (a backup, an antivirus or another Recado). Nothing was saved. Close that program and try again.",
    validation: 'Some fields need fixing. See the message under each field.',
    unknown_method: 'This version of the app does not know that request. Restart Recado.',
    not_found: 'Not found. It may have been removed.',
    conflict: 'That already exists or was changed at the same time. Reload and try again.',
    unavailable: 'Service unavailable right now. Try again in a moment.',
    meta_error: 'Meta refused the request.',
    unauthorized: 'Invalid session. Open the address with the token Recado printed when it started.',
    internal: 'Something went wrong. The details are in Recado’s log file.',
    network: 'No connection to Recado. Check that the app is still open.',
  },
};
