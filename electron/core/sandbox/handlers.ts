import type { SandboxStatus } from '../../../shared/contract/methods/sandbox';
import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';
import { DEMO } from './demo-world';

export async function sandboxStatus(ctx: CoreContext): Promise<SandboxStatus> {
  const handle = await ctx.meta.sandbox().catch(() => null);
  return {
    enabled: ctx.meta.mode === 'sandbox',
    baseUrl: handle?.baseUrl ?? null,
    demo:
      ctx.meta.mode === 'sandbox'
        ? { phoneNumberId: DEMO.phoneNumberId, displayPhoneNumber: DEMO.displayPhoneNumber, businessAccountId: DEMO.wabaId, appId: DEMO.appId }
        : null,
  };
}

/** `switchMode` reopens the core in the other mode and answers with the new mode's status. */
export function sandboxHandlers(
  ctx: CoreContext,
  switchMode: (enabled: boolean) => Promise<SandboxStatus>,
): HandlersFor<'sandbox.status' | 'sandbox.setMode'> {
  return {
    'sandbox.status': () => sandboxStatus(ctx),
    'sandbox.setMode': ({ enabled }) => (enabled === (ctx.meta.mode === 'sandbox') ? sandboxStatus(ctx) : switchMode(enabled)),
  };
}
