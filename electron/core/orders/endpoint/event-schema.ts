import { decimalToMinor } from '../../../../shared/domain/money-format';
import { z } from 'zod';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';
import { ORDER_LIMITS, currencySchema, trackingCodeSchema } from '../../../../shared/domain/order-schema';

/**
 * A decimal amount: `"1234.56"` or `1234.56` (dot decimal, at most 2 places), finite and not
 * negative. Whether it is a sane order total is the order schema's call (`parseOrder`).
 */
const amount = z.union(
  [
    z.string().trim().regex(/^\d{1,10}(\.\d{1,2})?$/),
    z.number().nonnegative().max(ORDER_LIMITS.maxAmountMinor / 100),
  ],
  { error: 'validation.amount' },
);
const timestamp = z.iso.datetime({ offset: true, error: 'validation.date' });
const text = (max: number) => z.string({ error: 'validation.text' }).trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });
const optionalText = (max: number) => z.string({ error: 'validation.text' }).trim().max(max, { error: 'validation.tooLong' });

/**
 * The JSON body of `POST /orders/events` (documented in electron/core/orders/README.md).
 * One event about one order; the order is created on first sight and updated afterwards,
 * keyed by its number.
 */
export const orderEventBodySchema = z
  .object({
    /** Unique per event: a second delivery with the same id is refused as a replay. */
    eventId: text(200),
    event: z.enum(ORDER_EVENTS),
    occurredAt: timestamp,
    order: z
      .object({
        number: text(ORDER_LIMITS.number),
        customerName: text(ORDER_LIMITS.customerName),
        phone: optionalText(ORDER_LIMITS.phone).optional(),
        total: amount.optional(),
        currency: currencySchema.optional(),
        createdAt: timestamp.optional(),
      })
      .strict(),
    shipment: z
      .object({
        id: text(ORDER_LIMITS.id).optional(),
        carrier: text(ORDER_LIMITS.carrier).optional(),
        trackingNumber: trackingCodeSchema.optional(),
        trackingUrl: z.url({ protocol: /^https?$/, error: 'validation.url' }).max(ORDER_LIMITS.url, { error: 'validation.url' }).optional(),
        shippedAt: timestamp.optional(),
        deliveredAt: timestamp.optional(),
      })
      .strict()
      .optional(),
    refund: z
      .object({ id: text(ORDER_LIMITS.id).optional(), amount, reason: optionalText(ORDER_LIMITS.reason).optional(), at: timestamp.optional() })
      .strict()
      .optional(),
    cancelReason: optionalText(ORDER_LIMITS.reason).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.event === 'refund_issued' && !body.refund) ctx.addIssue({ code: 'custom', path: ['refund'], message: 'validation.required' });
  });

export type OrderEventBody = z.infer<typeof orderEventBodySchema>;

/** A schema-checked amount (`"1234.56"`, `1234.56`) in minor units of `currency`, from its decimal digits. */
export function toMinor(value: string | number, currency: string): number {
  const [whole = '0', fraction = ''] = String(value).split('.');
  return decimalToMinor(whole, fraction, currency);
}
