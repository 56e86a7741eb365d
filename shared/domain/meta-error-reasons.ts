/** Why the classifier put a Meta error where it did (electron/core/whatsapp/error-classes.ts). */
export const META_ERROR_REASONS = [
  'auth',
  'permission',
  'invalid_request',
  'template',
  'registration',
  'test_number',
  'rate_limit',
  'server',
  'not_on_whatsapp',
  'recipient_blocked',
  /** Meta refused the recipient identifier (131062: a BSUID where this message type needs a phone). */
  'recipient_id_refused',
  'marketing_opt_out',
  'marketing_cap',
  'outside_window',
  'experiment',
  'policy',
  'account_locked',
  'payment',
  'quality',
  'unknown',
] as const;
export type MetaErrorReasonKey = (typeof META_ERROR_REASONS)[number];
