import type { GroupHandlers } from '../../contract/handlers';
import type { orderSourcesMethods } from '../../../../shared/contract/methods/order-sources';
import type { CoreContext } from '../../core-context';
import { endpointSecretInfo, regenerateEndpointSecret } from './endpoint-secret';

export function endpointHandlers(ctx: CoreContext): GroupHandlers<typeof orderSourcesMethods, 'endpoint.'> {
  return {
    'endpoint.info': () => endpointSecretInfo(ctx.secrets),
    'endpoint.regenerateSecret': () => {
      ctx.logger.info('order endpoint secret regenerated');
      return regenerateEndpointSecret(ctx.secrets);
    },
  };
}
