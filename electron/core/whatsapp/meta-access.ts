import type { Logger } from '../platform/logger';
import { DEMO } from '../sandbox/demo-world';
import type { SandboxRuntime } from '../sandbox/sandbox-mode';
import type { SandboxHandle } from '../sandbox/server';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { createGraphClient, META_GRAPH_BASE_URL, type GraphClient } from './graph-client';

export interface MetaAccount {
  phoneNumberId: string;
  businessAccountId: string;
  appId: string;
  apiVersion: string;
}

/**
 * How features reach Meta, whatever the mode: in Sandbox mode the in-process emulator with the
 * demo account, otherwise https://graph.facebook.com with the saved credentials. Features never
 * build a Graph client themselves.
 */
export interface MetaAccess {
  readonly mode: 'sandbox' | 'live';
  /** A client for the current mode; reads the token from the SecretStore on every call (live). */
  client(): Promise<GraphClient>;
  /** The ids to call with. In live mode, empty strings until the user fills them in. */
  account(): MetaAccount;
  /** The secret Meta (or the emulator) signs webhooks with; null until set. */
  appSecret(): string | null;
  /** The emulator (its control API sets the app callback, injects customer replies); null in live mode. */
  sandbox(): Promise<SandboxHandle | null>;
}

export function createMetaAccess(deps: {
  settings: SettingsService;
  secrets: SecretStore;
  logger: Logger;
  sandbox: SandboxRuntime | null;
  /** Test-only: where live mode's Graph client goes instead of https://graph.facebook.com. */
  liveBaseUrl?: string;
}): MetaAccess {
  const { settings, secrets, logger, sandbox } = deps;
  if (sandbox) {
    return {
      mode: 'sandbox',
      async client() {
        const handle = await sandbox.ready;
        return createGraphClient({ baseUrl: handle.baseUrl, apiVersion: settings.credentials.get().apiVersion, accessToken: () => DEMO.accessToken, logger });
      },
      account: () => ({
        phoneNumberId: DEMO.phoneNumberId,
        businessAccountId: DEMO.wabaId,
        appId: DEMO.appId,
        apiVersion: settings.credentials.get().apiVersion,
      }),
      appSecret: () => DEMO.appSecret,
      sandbox: () => sandbox.ready,
    };
  }
  return {
    mode: 'live',
    async client() {
      return createGraphClient({
        baseUrl: deps.liveBaseUrl ?? META_GRAPH_BASE_URL,
        apiVersion: settings.credentials.get().apiVersion,
        accessToken: () => secrets.get('accessToken'),
        logger,
      });
    },
    account: () => {
      const c = settings.credentials.get();
      return { phoneNumberId: c.phoneNumberId, businessAccountId: c.businessAccountId, appId: c.appId, apiVersion: c.apiVersion };
    },
    appSecret: () => secrets.get('appSecret'),
    sandbox: async () => null,
  };
}
