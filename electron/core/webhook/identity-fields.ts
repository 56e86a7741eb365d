import { z } from 'zod';

/**
 * Meta's business-scoped user IDs (BSUID) as webhooks carry them (whatsapp-cloud-api.md §8):
 * a two-letter country code, a dot, up to 128 letters and digits (`BR.13491208655302741918`);
 * parent BSUIDs add `ENT.` (`US.ENT.11815799212886844830`). Sources: Meta "Business-scoped user
 * IDs" (updated 2026-11-05), 360dialog "Usernames & BSUID".
 */
export const BSUID_PATTERN = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** True for a well-formed BSUID. */
export function isBsuid(value: unknown): value is string {
  return typeof value === 'string' && BSUID_PATTERN.test(value);
}

/**
 * An optional BSUID field: anything that is not a well-formed BSUID reads as absent, so an odd
 * value never makes Meta's status or message unusable and never reaches the database.
 */
export const bsuidField = z
  .unknown()
  .transform((value) => (isBsuid(value) ? value : undefined))
  .optional();

/**
 * A WhatsApp username for display: trimmed, 1–64 characters, no control characters; anything
 * else reads as absent (a username is shown, never matched on).
 */
export const usernameField = z
  .unknown()
  .transform((value) => {
    if (typeof value !== 'string') return undefined;
    const text = value.trim();
    // eslint-disable-next-line no-control-regex
    return text.length >= 1 && text.length <= 64 && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text) ? text : undefined;
  })
  .optional();

/** Who a message or status is about, as far as the webhook says. */
export interface SenderIdentity {
  /** Meta's wa_id, already checked to be a phone number (ASCII digits). */
  waId: string | null;
  userId: string | null;
  parentUserId: string | null;
  username: string | null;
}
