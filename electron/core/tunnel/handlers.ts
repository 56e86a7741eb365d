import type { GroupHandlers } from '../contract/handlers';
import type { tunnelMethods } from '../../../shared/contract/methods/tunnel';
import type { CoreContext } from '../core-context';
import type { TunnelService } from './tunnel-service';

export function tunnelHandlers(
  ctx: CoreContext,
  tunnel: TunnelService,
): GroupHandlers<typeof tunnelMethods> {
  return {
    'tunnel.status': () => tunnel.state(),
    'tunnel.getSettings': () => ctx.settings.tunnel.get(),
    'tunnel.saveSettings': (input) => {
      const saved = ctx.settings.tunnel.set(input);
      if (tunnel.state().state !== 'stopped') tunnel.restart();
      return saved;
    },
  };
}
