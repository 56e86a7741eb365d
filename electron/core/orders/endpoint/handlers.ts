import type { HandlersFor } from '../../contract/handlers';
import type { CoreContext } from '../../core-context';
import { endpointSecretInfo, regenerateEndpointSecret } from './endpoint-secret';

export function endpointHandlers(ctx: CoreContext): HandlersFor<'endpoint.info' | 'endpoint.regenerateSecret'> {
  return {
    'endpoint.info': () => endpointSecretInfo(ctx.secrets),
    'endpoint.regenerateSecret': () => {
      ctx.logger.info('order endpoint secret regenerated');
      return regenerateEndpointSecret(ctx.secrets);
    },
  };
}
