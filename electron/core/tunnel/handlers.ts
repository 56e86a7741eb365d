import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';
import type { TunnelService } from './tunnel-service';

export function tunnelHandlers(
  ctx: CoreContext,
  tunnel: TunnelService,
): HandlersFor<'tunnel.status' | 'tunnel.getSettings' | 'tunnel.saveSettings'> {
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
