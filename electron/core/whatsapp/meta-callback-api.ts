import type { MetaCallbackApi } from '../tunnel/callback-registration';
import type { MetaAccess } from './meta-access';

/**
 * The Graph calls callback registration needs, bound to the current mode's account: the WABA's
 * `subscribed_apps` (Meta's docs: webhooks/override, subscribed_apps). Null while the WABA id is not filled in.
 */
export function metaCallbackApiFor(meta: MetaAccess): MetaCallbackApi | null {
  const { businessAccountId: waba, appId } = meta.account();
  if (!waba) return null;
  return {
    async getSubscription() {
      const apps = await (await meta.client()).getSubscribedApps(waba);
      // Without an app id we cannot tell our app from another subscribed one; any counts.
      const ours = apps.find((app) => !appId || app.whatsapp_business_api_data.id === appId);
      return { subscribed: ours !== undefined, overrideCallbackUri: ours?.override_callback_uri ?? null };
    },
    async subscribeApp() {
      await (await meta.client()).subscribeApp(waba);
    },
    async setCallbackOverride(callbackUri, verifyToken) {
      await (await meta.client()).subscribeApp(waba, { url: callbackUri, verifyToken });
    },
  };
}
