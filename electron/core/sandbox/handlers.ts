import type { SandboxStatus, sandboxMethods } from '../../../shared/contract/methods/sandbox';
import { requirePhone } from '../contract/phone-input';
import { AppError } from '../contract/app-error';
import type { GroupHandlers } from '../contract/handlers';
import { ControlError } from './control';
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
): GroupHandlers<typeof sandboxMethods> {
  const controlOf = async () => {
    const handle = ctx.meta.mode === 'sandbox' ? await ctx.meta.sandbox() : null;
    if (!handle) throw new AppError('conflict', 'Sandbox mode is off', { key: 'tools.reply.onlySandbox' });
    return handle.control;
  };
  /** The customer as the owner named them: a phone checked like an order's, or a username. */
  const customer = (input: { phone?: string | undefined; username?: string | undefined }) =>
    input.username !== undefined ? { username: input.username } : { phone: requirePhone(input.phone ?? '') };
  const notFound = (error: unknown): never => {
    if (error instanceof ControlError) throw new AppError('not_found', error.message, { key: 'tools.reply.notOnWhatsApp' });
    throw error;
  };
  return {
    'sandbox.status': () => sandboxStatus(ctx),
    'sandbox.setMode': ({ enabled }) => (enabled === (ctx.meta.mode === 'sandbox') ? sandboxStatus(ctx) : switchMode(enabled)),
    'sandbox.customerReply': async ({ phone, username, text }) => {
      const control = await controlOf();
      // The same check as an order's phone, so a typo reads as one (not as "no WhatsApp").
      const who = customer({ phone, username });
      try {
        const sent = control.customerWrites({ ...who, text });
        return { waId: sent.waId, userId: sent.userId, username: sent.username };
      } catch (error) {
        return notFound(error);
      }
    },
    'sandbox.changeCustomerUserId': async (input) => {
      const control = await controlOf();
      const who = customer(input);
      try {
        return control.changeUserId(who);
      } catch (error) {
        return notFound(error);
      }
    },
  };
}
