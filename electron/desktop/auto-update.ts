import type { GeneralSettings } from '../../shared/settings/general';

/** The electron-updater feed to use, or null: updates are off by default and need an https feed. */
export function updateFeed(settings: Pick<GeneralSettings, 'autoUpdate' | 'updateFeedUrl'>, isPackaged: boolean): { provider: 'generic'; url: string } | null {
  if (!settings.autoUpdate || !isPackaged || !settings.updateFeedUrl.startsWith('https://')) return null;
  return { provider: 'generic', url: settings.updateFeedUrl };
}

/** The parts of electron-updater's `autoUpdater` Recado uses. */
export interface UpdaterApi {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
}

/**
 * Checks the feed once at start and every 6 hours while on: downloads in the background and
 * installs when Recado quits (never in the middle of a send). electron-updater verifies the
 * download's SHA-512 from the feed's `latest*.yml` and, on Windows, that the installer is signed
 * by the same publisher as the running app; macOS refuses an update not signed with the same
 * Developer ID. Returns a stop function.
 */
export function startAutoUpdate(updater: UpdaterApi, feed: { provider: 'generic'; url: string }, onError: (error: unknown) => void): () => void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL(feed);
  const check = () => void updater.checkForUpdatesAndNotify().catch(onError);
  check();
  const timer = setInterval(check, 6 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
