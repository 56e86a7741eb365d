import { DEFAULT_WOO_SETTINGS, type WooSettings } from '../../../../../shared/settings/woocommerce';
import type { AppDatabase } from '../../../db/open-database';
import { syncOrderSource } from '../../order-source';
import { createWooClient } from '../woo-client';
import { createWooSource } from '../woo-source';
import { FakeWooStore } from './fake-woo-server';

/** A fake store, a real client and source against it, and a poll function driven by store time. */
export async function wooHarness(db: AppDatabase, settings: Partial<WooSettings> = {}) {
  const store = new FakeWooStore();
  await store.listen();
  const config: WooSettings = { ...DEFAULT_WOO_SETTINGS, enabled: true, storeUrl: store.url, ...settings };
  const client = createWooClient({ storeUrl: store.url, consumerKey: store.key, consumerSecret: store.secret, queryStringAuth: config.queryStringAuth, timeoutMs: 5000 });
  const source = createWooSource(client, () => config);
  const poll = (lookbackDays = 7) => syncOrderSource(db, source, { now: store.now, lookbackDays });
  return { store, client, source, config, poll };
}
