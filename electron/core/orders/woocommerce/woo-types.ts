/**
 * The parts of a WooCommerce REST v3 order Recado reads (docs/order-sources.md §1.3). Everything
 * is optional: plugins and old versions leave fields out, and webhook bodies are the same JSON.
 */
export interface WooMeta {
  id?: number;
  key: string;
  value: unknown;
}

export interface WooAddress {
  first_name?: string;
  last_name?: string;
  phone?: string;
  /** Brazilian Market on WooCommerce adds it; the mobile when `phone` is a landline. */
  cellphone?: string;
  postcode?: string;
  country?: string;
}

export interface WooOrder {
  id: number;
  number?: string;
  status: string;
  currency?: string;
  total?: string;
  date_created_gmt?: string | null;
  date_modified_gmt?: string | null;
  date_paid_gmt?: string | null;
  date_completed_gmt?: string | null;
  billing?: WooAddress;
  shipping?: WooAddress;
  meta_data?: WooMeta[];
  shipping_lines?: { method_id?: string; method_title?: string }[];
  /** `total` is a negative string; the docs example says `refund` where the schema says `reason`. */
  refunds?: { id: number; reason?: string; refund?: string; total?: string }[];
  /** Correios for WooCommerce's REST field (same comma-joined codes as its meta). */
  correios_tracking_code?: string;
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

/** Money strings (`"29.35"`, `"-10.00"`) to minor units, sign dropped. */
export function wooMoneyToMinor(value: string | undefined): number {
  const n = Number.parseFloat(value ?? '0');
  return Number.isFinite(n) ? Math.abs(Math.round(n * 100)) : 0;
}
