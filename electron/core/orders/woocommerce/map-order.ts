import type { Order, OrderStatus, Shipment } from '../../../../shared/domain/order';
import { normalizeBrazilianPhone } from '../../../../shared/domain/phone';
import type { WooSettings } from '../../../../shared/settings/woocommerce';
import { carrierFromShipping, findTracking } from './tracking';
import { parseWooGmt, wooMoneyToMinor, type WooOrder } from './woo-types';

/** The shipment announced for a "shipped" status without any tracking number. */
export const UNTRACKED_SHIPMENT_ID = 'untracked';

export interface MappedWooOrder {
  order: Order;
  /** Kept with the order for the next diff: WooCommerce's own status slug. */
  sourceState: string;
}

/** Billing cell phone (Brazilian Market plugin) first, then billing and shipping phones: the first that normalises wins. */
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

/**
 * One WooCommerce order (REST or webhook JSON) as Recado's order, given the settings' status
 * mapping and the state stored last time (`previous`), which keeps first-seen dates stable so the
 * same WooCommerce state always maps to the same Order. Returns null for statuses mapped to
 * `ignore` (drafts, failed payments, trash): they are not orders yet.
 */
export function mapWooOrder(raw: WooOrder, settings: WooSettings, previous: Order | null): MappedWooOrder | null {
  const slug = raw.status.replace(/^wc-/, '');
  const target = settings.statusMapping[slug] ?? 'keep';
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
      totalMinor: wooMoneyToMinor(raw.total),
      currency: raw.currency || 'BRL',
      status,
      createdAt,
      updatedAt: modifiedAt,
      shipments,
      refunds: (raw.refunds ?? []).map((r) => ({
        id: String(r.id),
        amountMinor: wooMoneyToMinor(r.total),
        at: refundsBefore.get(String(r.id))?.at ?? modifiedAt,
        reason: (r.reason ?? r.refund ?? '').trim() || null,
      })),
      cancelReason: previous?.cancelReason ?? null,
    },
  };
}
