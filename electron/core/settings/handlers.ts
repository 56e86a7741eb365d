import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';

export function settingsHandlers({ settings, events }: CoreContext): HandlersFor<
  'settings.getDispatch' | 'settings.saveDispatch' | 'settings.getGeneral' | 'settings.saveGeneral'
> {
  return {
    'settings.getDispatch': () => settings.dispatch.get(),
    'settings.saveDispatch': (input) => {
      const saved = settings.dispatch.set(input);
      events.emit('settings.dispatchChanged', saved);
      return saved;
    },
    'settings.getGeneral': () => settings.general.get(),
    'settings.saveGeneral': (patch) => {
      const saved = settings.general.set({ ...settings.general.get(), ...patch });
      events.emit('settings.generalChanged', saved);
      return saved;
    },
  };
}
