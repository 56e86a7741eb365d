// Electron's main process: thin glue that starts the plain-Node core and binds it to IPC, a
// window and a tray. Every decision lives in electron/core or in the pure modules of
// electron/desktop (tested under Node); this file only wires Electron's objects to them.
import { app, dialog, safeStorage, BrowserWindow, Notification } from 'electron';
import log from 'electron-log/main';
import * as fs from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from './core/create-core';
import { acquireDataFolderLock, DataFolderLockedError, EXIT_FOLDER_IN_USE, type DataFolderLock } from './core/platform/data-folder-lock';
import { QUIT_TIMEOUT_MS } from './core/platform/graceful-close';
import { createLogger, createRedactor, type Logger } from './core/platform/logger';
import { createSettingsService } from './core/settings/settings-service';
import { startAutoUpdate, updateFeed } from './desktop/auto-update';
import { CLOSED_NOTICE_KEY, trayAvailable } from './desktop/close-behaviour';
import { configureDesktopLog, setDesktopLogLevel } from './desktop/desktop-log';
import { showDesktopNotice } from './desktop/desktop-notifications';
import { openElectronStore } from './desktop/electron-store-kv';
import { createStartupNotices } from './core/platform/startup-notices';
import { bindIpc } from './desktop/ipc';
import { createMainWindow, isOwnPage, showScreen } from './desktop/main-window';
import { createQuitGuard } from './desktop/quit-guard';
import { openDesktopSecrets } from './desktop/secret-scheme';
import { applyStartAtLogin, startedHidden } from './desktop/start-at-login';
import { createTray, keepRunningOnClose } from './desktop/tray';
import { trayTexts } from '../shared/i18n/tray';
import { CallError } from '../shared/contract/client';
import type { GeneralSettings } from '../shared/settings/general';

let mainWindow: BrowserWindow | null = null;
let quitting = false;

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Before anything opens the database: one Recado per data folder (a web host included). */
function lockDataFolder(dataDir: string): DataFolderLock {
  try {
    return acquireDataFolderLock(dataDir, { host: 'desktop app' });
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      dialog.showErrorBox('Recado', error.message);
      app.exit(EXIT_FOLDER_IN_USE);
    }
    throw error;
  }
}

function applyLogin(enabled: boolean, logger: Logger): void {
  try {
    const done = applyStartAtLogin(enabled, { app, fs, where: { platform: process.platform, env: process.env, home: homedir(), execPath: process.execPath } });
    logger.info('start at login applied', { enabled, done });
  } catch (error) {
    logger.error('start at login could not be applied', { enabled, error });
  }
}

async function start(): Promise<{ core: Core; lock: DataFolderLock; flush(): Promise<void> }> {
  const appPath = app.getAppPath();
  const dataDir = app.getPath('userData');
  const lock = lockDataFolder(dataDir);
  // Damaged files are replaced so the app starts; the owner reads it on the Status screen.
  const notices = createStartupNotices();
  let damagedSettings: string | null = null;
  const settingsStore = openElectronStore(dataDir, (keptAs) => {
    damagedSettings = keptAs;
    notices.add('settings_damaged', keptAs);
  });
  const redactor = createRedactor();
  const bootSettings = createSettingsService(settingsStore, createLogger(() => undefined));
  const preferences: GeneralSettings = bootSettings.general.get();
  const sink = configureDesktopLog(log, { dir: app.getPath('logs'), level: preferences.logLevel, redactor, console: !app.isPackaged });
  log.errorHandler.startCatching();
  const logger = createLogger(sink, 'debug', redactor);

  if (damagedSettings) logger.warn('the settings file was damaged; starting on defaults, the damaged copy is kept', { keptAs: damagedSettings });
  const { secrets, protection } = await openDesktopSecrets({
    safeStorage,
    platform: process.platform,
    kv: settingsStore,
    dataDir,
    logger,
    onKeyDamaged: (keptAs) => {
      logger.warn('the secret key file was damaged; a new key was made and the stored secrets must be typed again', { keptAs });
      notices.add('secret_key_damaged', keptAs);
    },
  });
  const core = createCore({
    host: {
      kind: 'desktop',
      version: app.getVersion(),
      dataDir,
      secretStorage: { scheme: protection.scheme, keyringMissing: protection.scheme === 'file-key' && protection.reason === 'no_keyring' },
    },
    migrationsDir: join(appPath, 'drizzle'),
    settingsStore,
    secrets,
    logger,
    notices,
  });

  // Webhook server, and in live mode the tunnel that lets Meta reach it; they run in the background.
  core.startServices().catch((error: unknown) => logger.error('background services failed to start', { error }));

  const indexHtml = join(appPath, 'dist', 'renderer', 'index.html');
  bindIpc(core, logger, isOwnPage(indexHtml));
  mainWindow = createMainWindow({
    indexHtml,
    preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    // Started at login: stay in the tray until the owner opens the window.
    show: !startedHidden(process.argv, app, process.platform),
  });

  let language: string = preferences.language;
  keepRunningOnClose(mainWindow, {
    isQuitting: () => quitting,
    trayAvailable: trayAvailable(process.platform, process.env),
    noticeShown: () => settingsStore.get(CLOSED_NOTICE_KEY) === true,
    onFirstHide: () => {
      settingsStore.set(CLOSED_NOTICE_KEY, true);
      const { title, body } = trayTexts(language).closedNotice;
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  });
  applyLogin(preferences.startAtLogin, logger);

  // The tray's actions go through the same contract as the window's buttons.
  const { client } = core;
  const run = (method: 'dispatch.pause' | 'dispatch.resume' | 'dispatch.sendNow') => () =>
    void client.call(method, {}).catch((error: unknown) => logger.warn('tray action refused', { method, code: error instanceof CallError ? error.error.code : 'internal' }));
  const tray = createTray(
    join(appPath, 'build'),
    {
      show: showWindow,
      quit: () => app.quit(),
      pause: run('dispatch.pause'),
      resume: run('dispatch.resume'),
      sendNow: run('dispatch.sendNow'),
      openTemplates: () => {
        showWindow();
        if (mainWindow) showScreen(mainWindow, 'templates');
      },
    },
    language,
  );
  // Held notices: counted at start and after a mode switch (another database), then pushed.
  const countHeld = () =>
    client
      .call('templates.marketingHolds', {})
      .then((holds) => tray.setHeldEvents(holds.filter((h) => h.held).length))
      .catch((error: unknown) => logger.warn('tray could not count held notices', { code: error instanceof CallError ? error.error.code : 'internal' }));
  const [state, tunnel] = await Promise.allSettled([client.call('dispatch.state', {}), client.call('tunnel.status', {}), countHeld()]);
  if (state.status === 'fulfilled') tray.setDispatchState(state.value);
  if (tunnel.status === 'fulfilled') tray.setTunnelState(tunnel.value);
  client.on('templates.marketingHoldsChanged', ({ held }) => tray.setHeldEvents(held));
  client.on('sandbox.modeChanged', () => void countHeld());
  client.on('notify.desktop', (notice) => showDesktopNotice(notice, language, showWindow));
  client.on('dispatch.stateChanged', (changed) => tray.setDispatchState(changed));
  client.on('tunnel.stateChanged', (changed) => tray.setTunnelState(changed));
  client.on('settings.generalChanged', (changed) => {
    language = changed.language;
    tray.setLanguage(changed.language);
    setDesktopLogLevel(log, changed.logLevel);
    applyLogin(changed.startAtLogin, logger);
  });

  const feed = updateFeed(preferences, app.isPackaged);
  if (feed) {
    const { autoUpdater } = await import('electron-updater');
    startAutoUpdate(autoUpdater, feed, (error) => logger.warn('update check failed', { error }));
  }
  return { core, lock, flush: () => secrets.flush() };
}

// Every renderer is sandboxed, whatever a window's own options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Recado is running: it gets focus (second-instance below) and this one leaves, so two
  // dispatchers never send the same notifications.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  // Closing the window only hides it; the tray keeps Recado sending.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app
    .whenReady()
    .then(start)
    .then(({ core, lock, flush }) => {
      app.on(
        'before-quit',
        createQuitGuard({
          close: async () => {
            await core.close();
            await flush();
          },
          timeoutMs: QUIT_TIMEOUT_MS,
          quit: () => app.quit(),
          onClosed: (outcome) => {
            if (outcome === 'timed_out') log.warn('quit while a message was being sent: it will show as unconfirmed at the next start');
            lock.release();
          },
        }),
      );
      app.on('before-quit', () => {
        quitting = true;
      });
    })
    .catch((error: unknown) => {
      console.error('Recado failed to start', error);
      app.exit(1);
    });
}
