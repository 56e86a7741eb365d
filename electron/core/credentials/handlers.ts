import type { CredentialsView } from '../../../shared/settings/credentials';
import { expiresAtMs, isExpired, NEWEST_TESTED_VERSION } from '../../../shared/domain/graph-versions';
import { AppError } from '../contract/app-error';
import type { GroupHandlers } from '../contract/handlers';
import type { credentialsMethods } from '../../../shared/contract/methods/credentials';
import type { CoreContext } from '../core-context';
import { testCredentials } from './token-check';

/** Only set/not set and the last 4 characters of a secret ever leave the core. */
function view({ settings, secrets }: CoreContext): CredentialsView {
  return {
    ...settings.credentials.get(),
    accessToken: secrets.summary('accessToken'),
    appSecret: secrets.summary('appSecret'),
  };
}

export function credentialsHandlers(ctx: CoreContext): GroupHandlers<typeof credentialsMethods> {
  return {
    'credentials.test': () => testCredentials(ctx),
    'credentials.get': () => view(ctx),
    'credentials.save': ({ accessToken, appSecret, ...fields }) => {
      refuseExpiredVersion(ctx, fields.apiVersion);
      ctx.settings.credentials.set(fields);
      for (const [name, change] of [
        ['accessToken', accessToken],
        ['appSecret', appSecret],
      ] as const) {
        if (change === null) ctx.secrets.delete(name);
        else if (change !== undefined) ctx.secrets.set(name, change);
      }
      ctx.logger.info('credentials saved', { phoneNumberId: fields.phoneNumberId, apiVersion: fields.apiVersion });
      return view(ctx);
    },
  };
}

/**
 * Refuses switching to a Graph version Meta no longer serves (by the core clock and the dated
 * table), as a field error on `apiVersion`. A version already stored is let through unchanged so
 * that saving a new token is never blocked by it; Status and the doctor say it must change.
 */
function refuseExpiredVersion(ctx: CoreContext, apiVersion: string): void {
  if (apiVersion === ctx.settings.credentials.get().apiVersion || !isExpired(apiVersion, ctx.clock.now())) return;
  const expiresAt = expiresAtMs(apiVersion);
  throw new AppError('validation', 'Graph API version expired', {
    issues: [
      expiresAt === null
        ? { path: 'apiVersion', key: 'validation.apiVersionRetired', params: { version: apiVersion, newest: NEWEST_TESTED_VERSION } }
        : { path: 'apiVersion', key: 'validation.apiVersionExpired', params: { version: apiVersion, newest: NEWEST_TESTED_VERSION, date: expiresAt } },
    ],
  });
}
