import type { WooTestResult } from '../../../../shared/contract/methods/order-sources';
import { createWooClient, WooError, type WooClientOptions } from './woo-client';
import { wooOrderListSchema } from './woo-types';

/**
 * "Test connection": one authenticated orders request (`per_page=1`). Never throws: every
 * failure becomes a code the UI explains (wrong keys, REST unreachable/permalinks off, not HTTPS,
 * timeout, HTML instead of JSON…). Reports which auth mode worked, so the settings can keep the
 * query-string fallback on hosts that need it.
 */
export async function testWooConnection(options: WooClientOptions): Promise<WooTestResult> {
  if (!options.storeUrl || !options.consumerKey || !options.consumerSecret) {
    return { ok: false, code: 'not_configured', status: null, detail: null };
  }
  try {
    const client = createWooClient(options);
    const { data, headers } = await client.get('orders', { per_page: 1 });
    const list = wooOrderListSchema.safeParse(data);
    if (!list.success) return { ok: false, code: 'not_json', status: 200, detail: 'not an array' };
    return { ok: true, ordersVisible: Number(headers.get('x-wp-total') ?? list.data.length) || 0, authMode: client.authMode };
  } catch (error) {
    if (error instanceof WooError) return { ok: false, code: error.code, status: error.status, detail: error.detail };
    return { ok: false, code: 'network', status: null, detail: error instanceof Error ? error.message : null };
  }
}
