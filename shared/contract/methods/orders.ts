import { z } from 'zod';
import { method } from '../define';
import { ORDER_SOURCES, ORDER_STATUSES, type Order } from '../../domain/order';
import type { OrderEvent } from '../../domain/order-events';
import { amountMinorSchema, currencySchema, ORDER_LIMITS, orderTimeSchema, trackingCodeSchema } from '../../domain/order-schema';
import { normalizeBrazilianPhone, type PhoneReason } from '../../domain/phone';
import type { RefusedOrderView } from '../../domain/refused-order';

/** One order as screens show it. `editable`: only local/CSV orders change through the contract. */
export interface OrderView extends Order {
  id: number;
  /** Null when the phone is missing or invalid; `phoneProblem` then says why. */
  phoneE164: string | null;
  phoneProblem: PhoneReason | null;
  /** The sum of `refunds`: what is no longer the customer's to pay (computed in the core). */
  refundedMinor: number;
  editable: boolean;
}

export interface OrderEventView {
  id: number;
  event: OrderEvent;
  subId: string;
  occurredAt: number;
  recordedAt: number;
  supersededBy: OrderEvent | null;
}

export interface OrderDetail extends OrderView {
  events: OrderEventView[];
}

export interface RefusedOrderPage {
  rows: RefusedOrderView[];
  /** All refused orders (rows holds the most recent 200). */
  total: number;
}

export interface OrderPage {
  rows: OrderView[];
  total: number;
  page: number;
  pageSize: number;
}

const id = z.number().int().positive();
/** Unix ms within the order schema's range (a date past 9999 is a unit mistake). */
const when = orderTimeSchema;
const text = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });

/** Empty = no phone (the order is kept; its notifications are skipped). Otherwise it must normalize. */
export const orderPhoneSchema = z
  .string()
  .trim()
  .max(ORDER_LIMITS.phone, { error: 'validation.phone.too_long' })
  .superRefine((value, ctx) => {
    if (value === '') return;
    const result = normalizeBrazilianPhone(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `validation.phone.${result.reason}` });
  });

export const createOrderSchema = z
  .object({
    number: text(ORDER_LIMITS.number),
    customerName: text(ORDER_LIMITS.customerName),
    phone: orderPhoneSchema,
    totalMinor: amountMinorSchema,
    /** ISO 4217 and known to `Intl` (a code it cannot format would break every message). */
    currency: currencySchema.default('BRL'),
    status: z.enum(ORDER_STATUSES).default('pending'),
    createdAt: when.optional(),
  })
  .strict();

export const ordersMethods = {
  /** Server-side paging; `search` matches number, customer, phone digits or tracking number. */
  'orders.list': method(
    z
      .object({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
        search: z.string().trim().max(100).optional(),
        status: z.enum(ORDER_STATUSES).optional(),
        source: z.enum(ORDER_SOURCES).optional(),
      })
      .strict(),
  ).returns<OrderPage>(),
  'orders.get': method(z.object({ id }).strict()).returns<OrderDetail>(),
  /** A new order in the local book; `conflict` when the number already exists there. */
  'orders.create': method(createOrderSchema).returns<OrderDetail>(),
  'orders.changeStatus': method(z.object({ id, status: z.enum(ORDER_STATUSES) }).strict()).returns<OrderDetail>(),
  /** One more shipment (one more "Shipment Created"). */
  'orders.addShipment': method(
    z
      .object({
        id,
        carrier: text(ORDER_LIMITS.carrier),
        /** Printable, without spaces; Correios' shape (`AA123456785BR`) when the carrier is Correios. */
        trackingNumber: trackingCodeSchema,
        trackingUrl: z.url({ protocol: /^https?$/, error: 'validation.url' }).max(ORDER_LIMITS.url, { error: 'validation.url' }).optional(),
        shippedAt: when.optional(),
      })
      .strict(),
  ).returns<OrderDetail>(),
  'orders.markDelivered': method(z.object({ id, shipmentId: text(ORDER_LIMITS.id), deliveredAt: when.optional() }).strict()).returns<OrderDetail>(),
  'orders.cancel': method(z.object({ id, reason: text(ORDER_LIMITS.reason) }).strict()).returns<OrderDetail>(),
  /** A partial or full refund (one "Refund Issued" each); not more than what is left to refund. */
  'orders.refund': method(
    z
      .object({
        id,
        amountMinor: amountMinorSchema.positive({ error: 'validation.amount' }),
        reason: z.string().trim().max(ORDER_LIMITS.reason, { error: 'validation.tooLong' }).optional(),
        at: when.optional(),
      })
      .strict(),
  ).returns<OrderDetail>(),
  /** Orders a source sent that failed the order schema, most recently seen first, with why. */
  'orders.listRefused': method(z.object({}).strict()).returns<RefusedOrderPage>(),
  /** Hides one refused order until its source sends it again. */
  'orders.dismissRefused': method(
    z.object({ source: z.enum(ORDER_SOURCES), externalId: z.string().min(1).max(200) }).strict(),
  ).returns<{ dismissed: boolean; total: number }>(),
};
