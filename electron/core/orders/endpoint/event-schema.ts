import { z } from 'zod';
import { ORDER_EVENTS } from '../../../../shared/domain/order-events';

/** A decimal amount: `"1234.56"` or `1234.56` (dot decimal, at most 2 places). */
const amount = z.union([z.string().trim().regex(/^\d{1,10}(\.\d{1,2})?$/), z.number().nonnegative().max(1e10)]);
const timestamp = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

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
        number: text(40),
        customerName: text(120),
        phone: z.string().trim().max(40).optional(),
        total: amount.optional(),
        currency: z.string().regex(/^[A-Z]{3}$/).optional(),
        createdAt: timestamp.optional(),
      })
      .strict(),
    shipment: z
      .object({
        id: text(120).optional(),
        carrier: text(60).optional(),
        trackingNumber: text(60).optional(),
        trackingUrl: z.url({ protocol: /^https?$/ }).optional(),
        shippedAt: timestamp.optional(),
        deliveredAt: timestamp.optional(),
      })
      .strict()
      .optional(),
    refund: z
      .object({ id: text(120).optional(), amount, reason: z.string().trim().max(300).optional(), at: timestamp.optional() })
      .strict()
      .optional(),
    cancelReason: z.string().trim().max(300).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.event === 'refund_issued' && !body.refund) ctx.addIssue({ code: 'custom', path: ['refund'], message: 'refund is required for refund_issued' });
  });

export type OrderEventBody = z.infer<typeof orderEventBodySchema>;

export const toMinor = (value: string | number): number => Math.round(Number(value) * 100);
