import type { GroupHandlers } from '../contract/handlers';
import type { settingsMethods } from '../../../shared/contract/methods/settings';
import type { CoreContext } from '../core-context';

export function settingsHandlers({ settings, events }: CoreContext): GroupHandlers<typeof settingsMethods> {
  return {
    'dispatch.getSettings': () => settings.dispatch.get(),
    'dispatch.saveSettings': (input) => {
      const saved = settings.dispatch.set(input);
      events.emit('settings.dispatchChanged', saved);
      return saved;
    },
    'app.getSettings': () => settings.general.get(),
    'app.saveSettings': (patch) => {
      const saved = settings.general.set({ ...settings.general.get(), ...patch });
      events.emit('settings.generalChanged', saved);
      return saved;
    },
    'events.getSettings': () => settings.events.get(),
    'events.saveSettings': (patch) => {
      const saved = settings.events.set({ ...settings.events.get(), ...patch });
      events.emit('settings.eventsChanged', saved);
      return saved;
    },
    'tracking.getSettings': () => settings.tracking.get(),
    'tracking.saveSettings': (input) => settings.tracking.set(input),
  };
}
