import type { HandlersFor } from '../contract/handlers';
import type { CoreContext } from '../core-context';

type SettingsMethod =
  | 'settings.getDispatch'
  | 'settings.saveDispatch'
  | 'settings.getGeneral'
  | 'settings.saveGeneral'
  | 'settings.getEvents'
  | 'settings.saveEvents'
  | 'settings.getTracking'
  | 'settings.saveTracking';

export function settingsHandlers({ settings, events }: CoreContext): HandlersFor<SettingsMethod> {
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
    'settings.getEvents': () => settings.events.get(),
    'settings.saveEvents': (patch) => {
      const saved = settings.events.set({ ...settings.events.get(), ...patch });
      events.emit('settings.eventsChanged', saved);
      return saved;
    },
    'settings.getTracking': () => settings.tracking.get(),
    'settings.saveTracking': (input) => settings.tracking.set(input),
  };
}
