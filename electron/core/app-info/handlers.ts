import type { HandlersFor, SessionAppMethod } from '../contract/handlers';
import type { CoreContext } from '../core-context';

export function appInfoHandlers({ host, meta, settings, events, logger }: CoreContext): HandlersFor<SessionAppMethod> {
  return {
    'app.info': () => ({
      name: 'Recado',
      version: host.version,
      host: host.kind,
      dataDir: host.dataDir,
      sandbox: meta.mode === 'sandbox',
      secretStorage: host.secretStorage ?? { scheme: 'file-key', keyringMissing: false },
    }),
    'app.setStartAtLogin': ({ enabled }) => {
      const saved = settings.general.set({ ...settings.general.get(), startAtLogin: enabled });
      // The desktop host listens and writes the login item / autostart file.
      events.emit('settings.generalChanged', saved);
      logger.info('start at login changed', { enabled });
      return { enabled: saved.startAtLogin, appliesHere: host.kind === 'desktop' };
    },
  };
}
