import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(app secret, raw body bytes).
 * Always over the bytes as received: Meta escapes non-ASCII (`\u00e3`) and slashes, so hashing a
 * re-serialised object fails for "João" (Meta's X-Hub-Signature-256 rules: HMAC-SHA256 of the raw body). Constant-time compare.
 */
export function verifySignature(raw: Uint8Array, header: string | null | undefined, appSecret: string): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from((match[1] as string).toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value Meta would send for these bytes (tests, the Sandbox). */
export function signBody(raw: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

/** Constant-time string equality (verify token). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
