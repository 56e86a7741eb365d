import type { CredentialsView } from '../../../shared/settings/credentials';
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
