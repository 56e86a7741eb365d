import type { Order, OrderStatus, Shipment } from '../../../../shared/domain/order';
import { issueParams, parseOrder } from '../../../../shared/domain/order-schema';
import { normalizeBrazilianPhone } from '../../../../shared/domain/phone';
import type { WooSettings } from '../../../../shared/settings/woocommerce';
import { refusalOf, type Refusal } from '../refused-orders';
import { carrierFromShipping, findTracking } from './tracking';
import { parseWooGmt, peekWooOrder, wooMoneyToMinor, wooOrderSchema, type WooOrder } from './woo-types';

/** The shipment announced for a "shipped" status without any tracking number. */
export const UNTRACKED_SHIPMENT_ID = 'untracked';

export interface MappedWooOrder {
  order: Order;
  /** Kept with the order for the next diff: WooCommerce's own status slug. */
  sourceState: string;
}

/** Billing cell phone (Brazilian Market plugin) first, then billing and shipping phones: the first that normalizes wins. */
export function pickPhone(raw: WooOrder): string | null {
  const candidates = [raw.billing?.cellphone, raw.billing?.phone, raw.shipping?.phone]
    .map((p) => (p ?? '').trim())
    .filter((p) => p !== '');
  return candidates.find((p) => normalizeBrazilianPhone(p).ok) ?? candidates[0] ?? null;
}

function name(raw: WooOrder): string {
  const of = (a: WooOrder['billing']) => `${a?.first_name ?? ''} ${a?.last_name ?? ''}`.trim();
  return of(raw.billing) || of(raw.shipping);
}

/** What reading one WooCommerce order gave: an order for the book, nothing (an ignored status), or a refusal. */
export type WooReading =
  | { kind: 'order'; order: Order; sourceState: string; modifiedMs: number | null }
  | { kind: 'ignored'; externalId: string; status: string; modifiedMs: number | null }
  | { kind: 'refused'; refusal: Refusal; modifiedMs: number | null };

/** Orders whose id cannot be read are still listed, under the part of the JSON that identifies them best. */
const UNKNOWN_ID = 'sem-id';

/**
 * The door for one WooCommerce order (REST list item or webhook body, any JSON): parse the REST
 * shape, map it (`mapWooOrder`), then `parseOrder`. Never throws: an order that fails either
 * step comes back refused, alone, with its reasons and the offending values. `previous` gives the
 * book's last state of an order by its external id.
 */
export function readWooOrder(raw: unknown, settings: WooSettings, previous: (externalId: string) => Order | null): WooReading {
  const peek = peekWooOrder(raw);
  const slug = peek.status?.replace(/^wc-/, '') ?? null;
  // A draft or a trashed order is not an order yet, however odd its other fields.
  if (slug !== null && peek.id !== null && Object.hasOwn(settings.statusMapping, slug) && settings.statusMapping[slug] === 'ignore') {
    return { kind: 'ignored', externalId: peek.id, status: slug, modifiedMs: peek.modifiedMs };
  }
  const base = { source: 'woocommerce' as const, externalId: peek.id ?? UNKNOWN_ID, number: peek.number };
  const parsed = wooOrderSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const params = issueParams(i);
      return { path: i.path.map(String).join('.'), key: i.message.startsWith('validation.') ? i.message : 'validation.invalid', ...(params ? { params } : {}) };
    });
    return { kind: 'refused', refusal: refusalOf(base, { issues }, raw), modifiedMs: peek.modifiedMs };
  }
  const mapped = mapWooOrder(parsed.data, settings, previous(String(parsed.data.id)));
  if (!mapped) return { kind: 'ignored', externalId: String(parsed.data.id), status: parsed.data.status, modifiedMs: peek.modifiedMs };
  const checked = parseOrder(mapped.order);
  if (!checked.ok) return { kind: 'refused', refusal: refusalOf(base, checked.refusal, mapped.order), modifiedMs: peek.modifiedMs };
  return { kind: 'order', order: checked.order, sourceState: mapped.sourceState, modifiedMs: peek.modifiedMs };
}

/**
 * One parsed WooCommerce order as a candidate for Recado's book (not yet through `parseOrder`:
 * use `readWooOrder`), given the settings' status mapping and the state stored last time
 * (`previous`), which keeps first-seen dates stable so the same WooCommerce state always maps to
 * the same Order. Returns null for statuses mapped to `ignore` (drafts, failed payments, trash):
 * they are not orders yet.
 */
export function mapWooOrder(raw: WooOrder, settings: WooSettings, previous: Order | null): MappedWooOrder | null {
  const slug = raw.status.replace(/^wc-/, '');
  const target = (Object.hasOwn(settings.statusMapping, slug) ? settings.statusMapping[slug] : undefined) ?? 'keep';
  if (target === 'ignore') return null;

  const modifiedAt = parseWooGmt(raw.date_modified_gmt) ?? parseWooGmt(raw.date_created_gmt) ?? 0;
  const createdAt = parseWooGmt(raw.date_created_gmt) ?? modifiedAt;
  const completedAt = parseWooGmt(raw.date_completed_gmt) ?? modifiedAt;
  const before = new Map((previous?.shipments ?? []).map((s) => [s.id, s]));

  const shipments: Shipment[] = findTracking(raw, settings.extraTrackingKeys).map((t) => ({
    id: t.code,
    carrier: t.carrier,
    trackingNumber: t.code,
    trackingUrl: t.url,
    shippedAt: t.shippedAt ?? before.get(t.code)?.shippedAt ?? modifiedAt,
    deliveredAt: before.get(t.code)?.deliveredAt ?? null,
  }));
  if (shipments.length === 0 && (target === 'delivered' || (target === 'shipped' && settings.shipWithoutTracking))) {
    shipments.push({
      id: UNTRACKED_SHIPMENT_ID,
      carrier: carrierFromShipping(raw),
      trackingNumber: null,
      trackingUrl: null,
      shippedAt: before.get(UNTRACKED_SHIPMENT_ID)?.shippedAt ?? completedAt,
      deliveredAt: before.get(UNTRACKED_SHIPMENT_ID)?.deliveredAt ?? null,
    });
  }
  if (target === 'delivered') for (const s of shipments) s.deliveredAt ??= completedAt;

  const paid = parseWooGmt(raw.date_paid_gmt) !== null;
  const statusOf: Record<Exclude<typeof target, 'ignore' | 'keep'>, OrderStatus> = {
    placed: paid ? 'processing' : 'pending',
    processing: 'processing',
    shipped: 'completed',
    delivered: 'completed',
    cancelled: 'cancelled',
    refunded: 'refunded',
  };
  const status: OrderStatus = target === 'keep' ? (previous?.status ?? (paid ? 'processing' : 'pending')) : statusOf[target];
  const refundsBefore = new Map((previous?.refunds ?? []).map((r) => [r.id, r]));

  return {
    sourceState: JSON.stringify({ status: slug }),
    order: {
      source: 'woocommerce',
      externalId: String(raw.id),
      number: raw.number?.trim() || String(raw.id),
      customerName: name(raw),
      phone: pickPhone(raw),
      totalMinor: wooMoneyToMinor(raw.total, raw.currency || 'BRL'),
      currency: raw.currency || 'BRL',
      status,
      createdAt,
      updatedAt: modifiedAt,
      shipments,
      refunds: raw.refunds.map((r) => ({
        id: r.id,
        amountMinor: wooMoneyToMinor(r.total, raw.currency || 'BRL'),
        at: refundsBefore.get(String(r.id))?.at ?? modifiedAt,
        reason: (r.reason ?? r.refund ?? '').trim() || null,
      })),
      cancelReason: previous?.cancelReason ?? null,
    },
  };
}
