import type { WizardStatus, wizardMethods } from '../../../shared/contract/methods/wizard';
import type { GroupHandlers } from '../contract/handlers';
import type { CoreContext } from '../core-context';

/**
 * The first-run wizard's state. Decided once: a data folder without an access token or a phone
 * number id is a new install (shown); one already set up never sees it unless reopened.
 */
export function wizardHandlers(ctx: CoreContext): GroupHandlers<typeof wizardMethods> {
  const { settings } = ctx;
  const status = (): WizardStatus => {
    let current = settings.wizard.get();
    if (current.state === 'undecided') {
      const fresh = ctx.secrets.get('accessToken') === null && settings.credentials.get().phoneNumberId === '';
      current = settings.wizard.set({ state: fresh ? 'pending' : 'done', outcome: null, at: ctx.clock.now() });
    }
    return { show: current.state === 'pending', outcome: current.outcome };
  };
  return {
    'wizard.status': () => status(),
    'wizard.finish': ({ outcome }) => {
      settings.wizard.set({ state: 'done', outcome, at: ctx.clock.now() });
      ctx.logger.info('first-run wizard ended', { outcome });
      ctx.events.emit('wizard.changed', { show: false });
      return status();
    },
    'wizard.reopen': () => {
      settings.wizard.set({ state: 'pending', outcome: null, at: ctx.clock.now() });
      ctx.events.emit('wizard.changed', { show: true });
      return status();
    },
  };
}
