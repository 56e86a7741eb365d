import { decimalToMinor } from '../../../../shared/domain/money-format';
import { z } from 'zod';

/**
 * WooCommerce REST v3 orders as Recado reads them (WooCommerce REST API v3 docs, orders), parsed instead
 * of trusted. Tolerant where WooCommerce and its plugins are loose: fields left out, numbers sent
 * as strings or strings as numbers, PHP arrays with holes arriving as JSON objects (`{}` for an
 * empty list), plugins' meta items of any shape. Strict where a value would reach a customer
 * wrongly: a total that is not a decimal number ("1e999"), a name that is an object. What the
 * order means (currency known, amounts bounded, tracking codes printable) is decided after the
 * mapping, by the shared `parseOrder`.
 */

/** The REST JSON as WooCommerce documents it; the shape the tests' fake store serves. */
export interface WooMeta {
  id?: number;
  key: string;
  value: unknown;
}

export interface WooAddressJson {
  first_name?: string;
  last_name?: string;
  phone?: string;
  /** Brazilian Market on WooCommerce adds it; the mobile when `phone` is a landline. */
  cellphone?: string;
  postcode?: string;
  country?: string;
}

export interface WooOrderJson {
  id: number;
  number?: string;
  status: string;
  currency?: string;
  total?: string;
  date_created_gmt?: string | null;
  date_modified_gmt?: string | null;
  date_paid_gmt?: string | null;
  date_completed_gmt?: string | null;
  billing?: WooAddressJson;
  shipping?: WooAddressJson;
  meta_data?: WooMeta[];
  shipping_lines?: { method_id?: string; method_title?: string }[];
  /** `total` is a negative string; the docs example says `refund` where the schema says `reason`. */
  refunds?: { id: number; reason?: string; refund?: string; total?: string }[];
  /** Correios for WooCommerce's REST field (same comma-joined codes as its meta). */
  correios_tracking_code?: string;
}

/** PHP's `[]` is JSON's empty list even where an object is meant (an address, a refund). */
const emptyListAsMissing = (value: unknown) => (Array.isArray(value) && value.length === 0 ? undefined : value);
/** PHP arrays with holes arrive as JSON objects: a list either way (scalars stay and fail). */
const phpList = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : value);

/** Text a store may send as a string or a number; null or absent = missing. */
const looseText = z
  .union([z.string(), z.number().refine(Number.isFinite)], { error: 'validation.text' })
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** A decimal amount as WooCommerce writes it ("29.35", "-10.00") or a finite number; "" = missing. */
const money = z
  .union([z.string(), z.number()], { error: 'validation.amount' })
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return undefined;
    const text = String(v).trim();
    if (text === '') return undefined;
    if (!/^-?\d{1,15}(\.\d{1,8})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'validation.amount' });
      return z.NEVER;
    }
    return text;
  });

/** WooCommerce ids are positive integers; some plugins send them as digit strings. */
const wooId = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,15}$/)], { error: 'validation.orderId' }).transform(Number);

/** Dates are read leniently: anything but a string is no date (the mapping then falls back). */
const wooDate = z.unknown().transform((v) => (typeof v === 'string' ? v : null));

const address = z.preprocess(
  emptyListAsMissing,
  z
    .looseObject({ first_name: looseText, last_name: looseText, phone: looseText, cellphone: looseText }, { error: 'validation.invalid' })
    .nullish()
    .transform((a) => a ?? undefined),
);

const metaItemSchema = z.looseObject({ key: z.string(), value: z.unknown() });

/** Meta items from every plugin: the ones without a text key are someone else's business, skipped. */
const metaList = z.preprocess(
  phpList,
  z
    .array(z.unknown(), { error: 'validation.list' })
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((item): WooMeta[] => {
        const meta = metaItemSchema.safeParse(item);
        return meta.success ? [{ key: meta.data.key, value: meta.data.value }] : [];
      }),
    ),
);

/** Only feeds the carrier guess: unreadable lines are skipped. */
const shippingLines = z.preprocess(
  phpList,
  z
    .array(z.unknown(), { error: 'validation.list' })
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((item) => {
        if (item === null || typeof item !== 'object') return [];
        const { method_id, method_title } = item as Record<string, unknown>;
        const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
        return [{ method_id: text(method_id), method_title: text(method_title) }];
      }),
    ),
);

const refund = z.looseObject(
  { id: wooId.transform(String), reason: looseText, refund: looseText, total: money },
  { error: 'validation.invalid' },
);

export const wooOrderSchema = z.looseObject({
  id: wooId,
  number: looseText,
  status: z.string({ error: 'validation.text' }),
  currency: looseText,
  total: money,
  date_created_gmt: wooDate,
  date_modified_gmt: wooDate,
  date_paid_gmt: wooDate,
  date_completed_gmt: wooDate,
  billing: address,
  shipping: address,
  meta_data: metaList,
  shipping_lines: shippingLines,
  refunds: z.preprocess(phpList, z.array(refund, { error: 'validation.list' }).nullish().transform((r) => r ?? [])),
  correios_tracking_code: looseText,
});

/** A WooCommerce order after parsing: every field Recado reads, in one type per field. */
export type WooOrder = z.output<typeof wooOrderSchema>;
export type WooAddress = NonNullable<WooOrder['billing']>;

/** What the list endpoint must answer: a JSON array (each order is parsed on its own). */
export const wooOrderListSchema = z.array(z.unknown(), { error: 'validation.list' });

/** The few fields read from an order before (or without) parsing it: its id, status and modification date. */
export function peekWooOrder(raw: unknown): { id: string | null; number: string | null; status: string | null; modifiedMs: number | null } {
  const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const id = wooId.safeParse(o.id);
  const number = looseText.safeParse(o.number);
  return {
    id: id.success ? String(id.data) : null,
    number: number.success && number.data ? number.data.slice(0, 60) : null,
    status: typeof o.status === 'string' ? o.status : null,
    modifiedMs: typeof o.date_modified_gmt === 'string' ? parseWooGmt(o.date_modified_gmt) : null,
  };
}

/** `*_gmt` fields carry no zone marker (`2017-03-22T19:28:02`): they are UTC. */
export function parseWooGmt(value: string | null | undefined): number | null {
  if (!value) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** The inverse: UTC without zone, as WooCommerce writes and (with dates_are_gmt) reads it. */
export function formatWooGmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Money strings that passed the schema (`"29.35"`, `"-10.00"`) to minor units of `currency`, sign dropped. */
export function wooMoneyToMinor(value: string | undefined, currency: string): number {
  if (value === undefined) return 0;
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  // Digits, not floats: "0.29" must not become 28.999… centavos; guaraníes have no centavos at all.
  return decimalToMinor(whole, fraction, currency);
}
