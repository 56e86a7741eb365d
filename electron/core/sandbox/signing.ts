import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Serialises a webhook body the way Meta sends it: JSON with every non-ASCII UTF-16 unit escaped
 * as `\uXXXX` with lowercase hex ("escaped unicode version of the payload", Graph webhooks docs)
 * and `/` escaped as `\/` as seen in real captures (Meta's X-Hub-Signature-256 rules: HMAC-SHA256 of the raw body).
 * The signature is computed over exactly these bytes, so a receiver that parses and re-serialises
 * the JSON gets a different hash for "João".
 */
export function serializeWebhookBody(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `sha256=<lowercase hex>` = HMAC-SHA256(app secret, raw body), Meta's X-Hub-Signature-256. */
export function signWebhookBody(body: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** Constant-time check of an `X-Hub-Signature-256` header against the raw body bytes. */
export function verifyWebhookSignature(body: string | Buffer, header: string | undefined | null, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(signWebhookBody(body, appSecret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
