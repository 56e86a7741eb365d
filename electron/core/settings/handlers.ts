import type { GroupHandlers } from '../contract/handlers';
import type { settingsMethods } from '../../../shared/contract/methods/settings';
import type { CoreContext } from '../core-context';

export function settingsHandlers({ settings, events }: CoreContext): GroupHandlers<typeof settingsMethods> {
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
