import type { HandlersFor } from '../../contract/handlers';
import type { CoreContext } from '../../core-context';
import { endpointSecretInfo, regenerateEndpointSecret } from './endpoint-secret';

export function endpointHandlers(ctx: CoreContext): HandlersFor<'orders.endpoint.info' | 'orders.endpoint.regenerateSecret'> {
  return {
    'orders.endpoint.info': () => endpointSecretInfo(ctx.secrets),
    'orders.endpoint.regenerateSecret': () => {
      ctx.logger.info('order endpoint secret regenerated');
      return regenerateEndpointSecret(ctx.secrets);
    },
  };
}
