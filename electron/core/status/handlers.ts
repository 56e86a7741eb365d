import type { ApiCheck, ApiVersionNotice, statusMethods } from '../../../shared/contract/methods/status';
import { NEWEST_TESTED_VERSION, versionLifecycle } from '../../../shared/domain/graph-versions';
import type { GroupHandlers } from '../contract/handlers';
import { createMarketingHolds } from '../templates/marketing-holds';
import type { CoreContext } from '../core-context';
import type { Dispatcher } from '../dispatcher/dispatcher';
import type { TunnelService } from '../tunnel/tunnel-service';
import type { WebhookService } from '../webhook/webhook-service';
import { checkApi } from './api-check';
import { messageStats } from './stats';

/** How long an API check is shown before the screen asks Meta again on its own. */
export const API_CHECK_TTL_MS = 5 * 60_000;

export function statusHandlers(
  ctx: CoreContext,
  services: { tunnel: TunnelService; webhook: WebhookService; dispatcher?: Pick<Dispatcher, 'catchUp'> },
): GroupHandlers<typeof statusMethods> {
  let lastCheck: ApiCheck | null = null;
  let running: Promise<ApiCheck> | null = null;
  // One check at a time: a screen refreshing every few seconds must not flood Meta.
  const check = () => (running ??= checkApi(ctx).then((result) => ((lastCheck = result), (running = null), result)));

  return {
    'status.overview': async () => {
      // Orders recorded since the last run count as pending at once, as in the log (dispatcher.catchUp).
      services.dispatcher?.catchUp();
      const now = ctx.clock.now();
      if (!lastCheck || now - lastCheck.checkedAt > API_CHECK_TTL_MS) await check();
      const webhook = await services.webhook.status();
      return {
        mode: ctx.meta.mode,
        api: lastCheck,
        apiVersion: apiVersionNotice(ctx.meta.account().apiVersion, now),
        ...messageStats(ctx.db, now, ctx.settings.costs.get()),
        tunnel: services.tunnel.state(),
        webhook: { lastCallbackAt: webhook.lastCallbackAt, lastVerifiedAt: webhook.lastVerifiedAt },
        marketingHolds: createMarketingHolds(ctx).list(),
      };
    },
    'status.checkApi': () => check(),
    'status.getCostRates': () => ctx.settings.costs.get(),
    'status.saveCostRates': (rates) => ctx.settings.costs.set(rates),
  };
}

/** Where the configured Graph version stands today, for the Status notice. */
export function apiVersionNotice(version: string, now: number): ApiVersionNotice {
  return { version, ...versionLifecycle(version, now), newest: NEWEST_TESTED_VERSION };
}
