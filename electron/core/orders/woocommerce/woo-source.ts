import type { WooSettings } from '../../../../shared/settings/woocommerce';
import type { ChangedOrder, OrderSource } from '../order-source';
import { mapWooOrder } from './map-order';
import { WooError, type WooClient } from './woo-client';
import { formatWooGmt, parseWooGmt, type WooOrder } from './woo-types';

/** WooCommerce's maximum page size. */
export const WOO_PAGE_SIZE = 100;
/** A runaway store (or a bug) must not page forever. */
const MAX_PAGES = 2000;
/**
 * `modified_after` is strict, at one-second resolution: an order saved in the same second as
 * the newest one we saw, but after our request, would be missed. Ask again from one second
 * earlier; what comes back twice is unchanged and costs nothing.
 */
const OVERLAP_MS = 1000;

/** The cursor this source keeps (JSON in order_sync_state). */
interface WooCursor {
  /** Newest `date_modified_gmt` seen, Unix ms. */
  modifiedMs: number | null;
  /** The store ignored `modified_after` (WooCommerce before 5.x, §1.2): filter on our side. */
  ignoresModifiedAfter: boolean;
}

function readCursor(cursor: string | null): WooCursor {
  try {
    const parsed = cursor ? (JSON.parse(cursor) as Partial<WooCursor>) : {};
    return { modifiedMs: typeof parsed.modifiedMs === 'number' ? parsed.modifiedMs : null, ignoresModifiedAfter: parsed.ignoresModifiedAfter === true };
  } catch {
    return { modifiedMs: null, ignoresModifiedAfter: false };
  }
}

/**
 * WooCommerce as an OrderSource. Each poll asks for orders modified after the cursor (never
 * before the lookback window) with `dates_are_gmt=true`, 100 per page, following
 * `X-WP-TotalPages`: requests grow with the changed orders, not with the store. A store that
 * ignores `modified_after` (it returns an order older than asked) is remembered, and polled with
 * `after` (creation date within the lookback window) and filtered here instead.
 */
export function createWooSource(client: WooClient, settings: () => WooSettings): OrderSource {
  return {
    kind: 'woocommerce',
    async fetchChanges({ cursor, notBefore, previous, signal }) {
      const state = readCursor(cursor);
      const since = Math.max(state.modifiedMs === null ? notBefore : state.modifiedMs - OVERLAP_MS, notBefore);
      const config = settings();

      const fetchAll = async (fallback: boolean): Promise<WooOrder[] | 'ignored'> => {
        const out: WooOrder[] = [];
        for (let page = 1, totalPages = 1; page <= totalPages && page <= MAX_PAGES; page++) {
          signal?.throwIfAborted();
          const query: Record<string, string | number | boolean> = {
            modified_after: formatWooGmt(since),
            dates_are_gmt: true,
            per_page: WOO_PAGE_SIZE,
            page,
            orderby: 'id',
            order: 'asc',
          };
          if (fallback) query.after = formatWooGmt(notBefore);
          const { data, headers } = await client.get('orders', query);
          if (!Array.isArray(data)) throw new WooError('not_json', 'The orders list is not a JSON array');
          const pageOrders = data as WooOrder[];
          if (!fallback && pageOrders.some((o) => (parseWooGmt(o.date_modified_gmt) ?? 0) < since)) return 'ignored';
          out.push(...pageOrders);
          totalPages = Number(headers.get('x-wp-totalpages') ?? '1') || 1;
        }
        return out;
      };

      let fallback = state.ignoresModifiedAfter;
      let raw = await fetchAll(fallback);
      if (raw === 'ignored') {
        fallback = true;
        raw = (await fetchAll(true)) as WooOrder[];
      }
      const changed: ChangedOrder[] = [];
      let newest = state.modifiedMs ?? 0;
      for (const o of raw) {
        const modified = parseWooGmt(o.date_modified_gmt) ?? 0;
        if (fallback && modified < since) continue;
        newest = Math.max(newest, modified);
        const mapped = mapWooOrder(o, config, previous(String(o.id)));
        if (mapped) changed.push({ order: mapped.order, sourceState: mapped.sourceState });
      }
      const next: WooCursor = { modifiedMs: newest === 0 ? state.modifiedMs : newest, ignoresModifiedAfter: fallback };
      return { orders: changed, cursor: JSON.stringify(next) };
    },
  };
}
