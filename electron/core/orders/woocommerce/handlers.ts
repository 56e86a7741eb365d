import type { WooSettingsView } from '../../../../shared/settings/woocommerce';
import { AppError } from '../../contract/app-error';
import type { GroupHandlers } from '../../contract/handlers';
import type { orderSourcesMethods } from '../../../../shared/contract/methods/order-sources';
import type { CoreContext } from '../../core-context';
import { syncOrderSource } from '../order-source';
import { testWooConnection } from './test-connection';
import { WooError } from './woo-client';
import { wooClientOptions, wooSourceFromContext } from './woo-context';

function view(ctx: CoreContext): WooSettingsView {
  return {
    ...ctx.settings.woocommerce.get(),
    consumerKey: ctx.secrets.summary('wooConsumerKey'),
    consumerSecret: ctx.secrets.summary('wooConsumerSecret'),
    webhookSecret: ctx.secrets.summary('wooWebhookSecret'),
  };
}

export function wooHandlers(
  ctx: CoreContext,
): GroupHandlers<typeof orderSourcesMethods, 'woocommerce.'> {
  return {
    'woocommerce.getSettings': () => view(ctx),
    'woocommerce.saveSettings': ({ consumerKey, consumerSecret, webhookSecret, ...fields }) => {
      const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      ctx.settings.woocommerce.set({ ...ctx.settings.woocommerce.get(), ...clean });
      for (const [name, change] of [
        ['wooConsumerKey', consumerKey],
        ['wooConsumerSecret', consumerSecret],
        ['wooWebhookSecret', webhookSecret],
      ] as const) {
        if (change === null) ctx.secrets.delete(name);
        else if (change !== undefined) ctx.secrets.set(name, change);
      }
      ctx.logger.info('woocommerce settings saved', { storeUrl: ctx.settings.woocommerce.get().storeUrl });
      return view(ctx);
    },
    'woocommerce.testConnection': async () => {
      const options = wooClientOptions(ctx);
      if (!options) return { ok: false, code: 'not_configured', status: null, detail: null };
      const result = await testWooConnection(options);
      // The header-dropping host worked with the fallback: keep using it.
      if (result.ok && result.authMode === 'query' && !options.queryStringAuth) {
        ctx.settings.woocommerce.set({ ...ctx.settings.woocommerce.get(), queryStringAuth: true });
      }
      return result;
    },
    'woocommerce.syncNow': async () => {
      let wired;
      try {
        wired = wooSourceFromContext(ctx);
      } catch (error) {
        if (error instanceof WooError) throw new AppError('unavailable', error.message, { key: `woo.test.${error.code}` });
        throw error;
      }
      if (!wired) throw new AppError('unavailable', 'WooCommerce is not configured or not enabled', { key: 'woo.test.not_configured' });
      try {
        const result = await syncOrderSource(ctx.db, wired.source, {
          now: ctx.clock.now(),
          lookbackDays: ctx.settings.dispatch.get().lookbackDays,
          events: ctx.events,
        });
        return {
          seen: result.seen,
          changed: result.changed,
          events: result.events.length,
          requests: wired.client.requests,
          refused: result.refused.map((r) => ({ externalId: r.externalId, number: r.number, issues: r.issues })),
        };
      } catch (error) {
        if (error instanceof WooError) {
          throw new AppError('unavailable', error.message, { key: `woo.test.${error.code}`, status: error.status });
        }
        throw error;
      }
    },
  };
}
