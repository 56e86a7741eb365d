import type { CoreContext } from '../../core-context';
import type { OrderSource } from '../order-source';
import type { WooWebhookDeps } from './webhook';
import { createWooClient, type WooClient, type WooClientOptions } from './woo-client';
import { createWooSource } from './woo-source';

/** Client options from the settings section and the secret store; null when keys or URL are missing. */
export function wooClientOptions(ctx: CoreContext, fetchImpl?: typeof fetch): WooClientOptions | null {
  const settings = ctx.settings.woocommerce.get();
  const consumerKey = ctx.secrets.get('wooConsumerKey');
  const consumerSecret = ctx.secrets.get('wooConsumerSecret');
  if (!settings.storeUrl || !consumerKey || !consumerSecret) return null;
  return {
    storeUrl: settings.storeUrl,
    consumerKey,
    consumerSecret,
    queryStringAuth: settings.queryStringAuth,
    timeoutMs: settings.requestTimeoutSeconds * 1000,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
}

/**
 * The WooCommerce OrderSource for the dispatcher: null when the store is disabled or not
 * configured. Throws WooError('not_https' | 'invalid_url') for a URL it must not call.
 */
export function wooSourceFromContext(ctx: CoreContext): { source: OrderSource; client: WooClient } | null {
  const options = wooClientOptions(ctx);
  if (!options || !ctx.settings.woocommerce.get().enabled) return null;
  const client = createWooClient(options);
  return { client, source: createWooSource(client, () => ctx.settings.woocommerce.get()) };
}

/** What `wooWebhookHandler` needs, from the core's context. */
export function wooWebhookDeps(ctx: Pick<CoreContext, 'db' | 'settings' | 'secrets' | 'clock' | 'logger' | 'events'>): WooWebhookDeps {
  return {
    db: ctx.db,
    settings: () => ctx.settings.woocommerce.get(),
    webhookSecret: () => ctx.secrets.get('wooWebhookSecret'),
    now: () => ctx.clock.now(),
    logger: ctx.logger,
    events: ctx.events,
  };
}
