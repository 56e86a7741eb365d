import type { WooSettings } from '../../../../shared/settings/woocommerce';
import type { ChangedOrder, OrderSource } from '../order-source';
import type { Refusal } from '../refused-orders';
import { readWooOrder } from './map-order';
import { WooError, type WooClient } from './woo-client';
import { formatWooGmt, peekWooOrder, wooOrderListSchema } from './woo-types';

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
    async fetchChanges({ cursor, notBefore, now, previous, signal }) {
      const state = readCursor(cursor);
      const since = Math.max(state.modifiedMs === null ? notBefore : state.modifiedMs - OVERLAP_MS, notBefore);
      const config = settings();

      const fetchAll = async (fallback: boolean): Promise<unknown[] | 'ignored'> => {
        const out: unknown[] = [];
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
          const list = wooOrderListSchema.safeParse(data);
          if (!list.success) throw new WooError('not_json', 'The orders list is not a JSON array');
          // Only a readable date can prove the filter was ignored (a refused order may have none).
          if (!fallback && list.data.some((o) => (peekWooOrder(o).modifiedMs ?? since) < since)) return 'ignored';
          out.push(...list.data);
          totalPages = Number(headers.get('x-wp-totalpages') ?? '1') || 1;
        }
        return out;
      };

      let fallback = state.ignoresModifiedAfter;
      let raw = await fetchAll(fallback);
      if (raw === 'ignored') {
        fallback = true;
        raw = await fetchAll(true);
      }
      // With `after` (the fallback) nothing is checked against modified_after, so never 'ignored'.
      if (raw === 'ignored') throw new WooError('http_error', 'The store ignored the date filter of the fallback query too');
      const changed: ChangedOrder[] = [];
      const refused: Refusal[] = [];
      let newest = state.modifiedMs ?? 0;
      // Each order on its own: one that fails is refused alone, the rest of the page goes on.
      for (const o of raw) {
        const reading = readWooOrder(o, config, previous);
        const modified = reading.modifiedMs ?? 0;
        if (fallback && modified < since) continue;
        // Refused orders move the cursor too: asking again cannot fix their data (an edit at the store will).
        // Never past our own clock: one order dated 9999 must not make the cursor skip every later one.
        newest = Math.max(newest, Math.min(modified, now));
        if (reading.kind === 'order') changed.push({ order: reading.order, sourceState: reading.sourceState });
        else if (reading.kind === 'refused') refused.push(reading.refusal);
      }
      const next: WooCursor = { modifiedMs: newest === 0 ? state.modifiedMs : newest, ignoresModifiedAfter: fallback };
      return { orders: changed, refused, cursor: JSON.stringify(next) };
    },
  };
}
