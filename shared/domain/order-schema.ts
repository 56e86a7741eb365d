import { z } from 'zod';
import { ORDER_SOURCES, ORDER_STATUSES, type Order } from './order';
import { asciiDigits } from './unicode-digits';

/**
 * The one door every order goes through, whatever its source (WooCommerce poll and push, CSV,
 * the signed endpoint, the order book form): a source maps what it read onto `Order`, then
 * `parseOrder` decides whether Recado may keep it. An order that fails is refused alone with the
 * issues' `validation.*` keys; it never reaches the book, the dispatcher or a customer.
 *
 * The limits are the order form's, so an order that came from anywhere can be shown and edited.
 */
export const ORDER_LIMITS = {
  number: 40,
  customerName: 120,
  phone: 40,
  id: 120,
  carrier: 60,
  trackingNumber: 60,
  url: 500,
  reason: 300,
  shipments: 50,
  refunds: 100,
  /** R$ 100 milhões in centavos: far beyond a small shop's order, far below float trouble. */
  maxAmountMinor: 10_000_000_000,
  /** 9999-12-31: a date past this is a unit mistake (seconds vs ms vs µs), not an order. */
  maxTime: 253_402_300_799_999,
} as const;

let currencies: ReadonlySet<string> | null = null;

/** ISO 4217 codes the runtime's `Intl` can format: anything else would throw while rendering money. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/**
 * Control characters (newlines, tabs, NUL, bidi overrides) become one space and runs of spaces
 * collapse: Meta refuses template parameters with newlines, tabs or more than four spaces in a
 * row (132018), and a bidi override in a name could disguise a message.
 */
export function cleanText(value: string): string {
  return value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const requiredText = (max: number) =>
  z
    .string({ error: 'validation.text' })
    .transform(cleanText)
    .pipe(z.string().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' }));

const optionalText = (max: number) =>
  z
    .string({ error: 'validation.text' })
    .nullable()
    .transform((v) => (v === null ? null : cleanText(v) || null))
    .pipe(z.string().max(max, { error: 'validation.tooLong' }).nullable());

/** Minor units: a whole, finite, non-negative number below the sane maximum. */
export const amountMinorSchema = z
  .number({ error: 'validation.amount' })
  .int({ error: 'validation.amount' })
  .min(0, { error: 'validation.amountNegative' })
  .max(ORDER_LIMITS.maxAmountMinor, { error: 'validation.amountTooLarge' });

/** Unix milliseconds between 1970 and 9999. */
export const orderTimeSchema = z
  .number({ error: 'validation.date' })
  .int({ error: 'validation.date' })
  .min(0, { error: 'validation.date' })
  .max(ORDER_LIMITS.maxTime, { error: 'validation.date' });

export const currencySchema = z
  .string({ error: 'validation.currency' })
  .transform((v) => v.trim().toUpperCase())
  .refine(isKnownCurrency, { error: 'validation.currency' });

/** Printable ASCII without spaces, as every carrier's codes are (and as a URL path can carry). */
export const trackingCodeSchema = z
  .string({ error: 'validation.trackingCode' })
  .transform((v) => asciiDigits(v.normalize('NFKC')).trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'validation.required' })
      .max(ORDER_LIMITS.trackingNumber, { error: 'validation.tooLong' })
      .regex(/^[\x21-\x7e]+$/, { error: 'validation.trackingCode' }),
  );

/** Correios' objects: two letters, eight digits plus a check digit, `BR` (e.g. `AA123456785BR`). */
export const CORREIOS_CODE = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/** A carrier name that is Correios ("Correios", "CORREIOS - SEDEX", "Correios PAC"). */
export function isCorreios(carrier: string | null): boolean {
  return carrier !== null && /correios/i.test(carrier.normalize('NFD').replace(/\p{Diacritic}/gu, ''));
}

const httpUrl = z
  .string({ error: 'validation.url' })
  .trim()
  .max(ORDER_LIMITS.url, { error: 'validation.url' })
  .pipe(z.url({ protocol: /^https?$/, error: 'validation.url' }));

export const shipmentSchema = z
  .object({
    id: requiredText(ORDER_LIMITS.id),
    carrier: optionalText(ORDER_LIMITS.carrier),
    trackingNumber: trackingCodeSchema.nullable(),
    trackingUrl: httpUrl.nullable(),
    shippedAt: orderTimeSchema.nullable(),
    deliveredAt: orderTimeSchema.nullable(),
  })
  .superRefine((s, ctx) => {
    const code = s.trackingNumber;
    // Only a code that passed the printable check is worth a second, carrier-specific reason.
    if (typeof code === 'string' && /^[\x21-\x7e]+$/.test(code) && isCorreios(s.carrier) && !CORREIOS_CODE.test(code.toUpperCase())) {
      ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'validation.trackingCodeCorreios' });
    }
  });

export const refundSchema = z.object({
  id: requiredText(ORDER_LIMITS.id),
  amountMinor: amountMinorSchema,
  at: orderTimeSchema,
  reason: optionalText(ORDER_LIMITS.reason),
});

/**
 * The phone as the source gave it, bounded and with every Unicode digit made ASCII ("１２３" →
 * "123"). Whether it is a WhatsApp number is decided later (`normalizeBrazilianPhone`): an order
 * without a usable phone is still an order; only its notifications are skipped.
 */
export const orderPhoneTextSchema = z
  .string({ error: 'validation.phone.not_a_number' })
  .nullable()
  .transform((v) => (v === null ? null : asciiDigits(v.normalize('NFKC')).trim() || null))
  .pipe(z.string().max(ORDER_LIMITS.phone, { error: 'validation.phone.too_long' }).nullable());

export const orderSchema = z.object({
  source: z.enum(ORDER_SOURCES),
  externalId: requiredText(ORDER_LIMITS.id),
  number: requiredText(ORDER_LIMITS.number),
  customerName: requiredText(ORDER_LIMITS.customerName),
  phone: orderPhoneTextSchema,
  totalMinor: amountMinorSchema,
  currency: currencySchema,
  status: z.enum(ORDER_STATUSES),
  createdAt: orderTimeSchema,
  updatedAt: orderTimeSchema,
  shipments: z.array(shipmentSchema).max(ORDER_LIMITS.shipments, { error: 'validation.tooMany' }),
  refunds: z.array(refundSchema).max(ORDER_LIMITS.refunds, { error: 'validation.tooMany' }),
  cancelReason: optionalText(ORDER_LIMITS.reason),
}) satisfies z.ZodType<Order, unknown>;

/** Why one order was refused: each problem as a field path, a `validation.*` key and its limits (`maximum`, `minimum`). */
export interface OrderRefusal {
  issues: { path: string; key: string; params?: Record<string, number> }[];
}

/** The numeric limits a zod issue carries (`tooLong`'s maximum…), for the translated message. */
export function issueParams(issue: z.core.$ZodIssue): Record<string, number> | undefined {
  const params: Record<string, number> = {};
  for (const name of ['maximum', 'minimum'] as const) {
    const value = (issue as { [K in typeof name]?: unknown })[name];
    if (typeof value === 'number' || typeof value === 'bigint') params[name] = Number(value);
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/**
 * The door: a clean `Order`, or the reasons it was refused. Never throws, whatever `candidate`
 * is (a source's half-mapped object, `null`, a number…).
 */
export function parseOrder(candidate: unknown): { ok: true; order: Order } | { ok: false; refusal: OrderRefusal } {
  const parsed = orderSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, order: parsed.data };
  return {
    ok: false,
    refusal: {
      issues: parsed.error.issues.map((issue) => {
        const params = issueParams(issue);
        return {
          path: issue.path.map(String).join('.'),
          key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
          ...(params ? { params } : {}),
        };
      }),
    },
  };
}
