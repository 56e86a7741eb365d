// Electron's main process: thin glue that starts the plain-Node core and binds it to IPC, a
// window and a tray. Everything that can be tested without Electron lives in electron/core.
import { app, dialog, BrowserWindow } from 'electron';
import { acquireDataFolderLock, DataFolderLockedError, EXIT_FOLDER_IN_USE } from './core/platform/data-folder-lock';
import { join } from 'node:path';
import { createCore, type Core } from './core/create-core';
import { createLogger, fileSink } from './core/platform/logger';
import { LOG_FILE } from './core/platform/paths';
import { createEncryptedSecretStore } from './core/secrets/secret-store';
import { openElectronStore } from './desktop/electron-store-kv';
import { bindIpc } from './desktop/ipc';
import { createMainWindow, isOwnPage } from './desktop/main-window';
import { createSafeStorageCipher } from './desktop/safe-storage-cipher';
import { createTray, hideOnClose } from './desktop/tray';
import { applyLoginItem, startedHidden } from './desktop/login-item';
import { showDesktopNotice, type DesktopNotice } from './desktop/desktop-notifications';
import type { DispatchState } from '../shared/contract/methods/dispatch';
import { DEFAULT_GENERAL_SETTINGS, type GeneralSettings } from '../shared/settings/general';

let mainWindow: BrowserWindow | null = null;
let quitting = false;

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<Core> {
  const appPath = app.getAppPath();
  const dataDir = app.getPath('userData');
  // Before anything opens the database: a web host on the same folder would send the same
  // notifications twice and race the migrations.
  try {
    acquireDataFolderLock(dataDir, { host: 'desktop app' });
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      dialog.showErrorBox('Recado', error.message);
      app.exit(EXIT_FOLDER_IN_USE);
    }
    throw error;
  }
  const logger = createLogger(fileSink(join(dataDir, LOG_FILE), !app.isPackaged));
  const settingsStore = openElectronStore();
  const core = createCore({
    host: { kind: 'desktop', version: app.getVersion(), dataDir },
    migrationsDir: join(appPath, 'drizzle'),
    settingsStore,
    secrets: createEncryptedSecretStore(settingsStore, createSafeStorageCipher(), logger),
    logger,
  });

  // Webhook server, and in live mode the tunnel that lets Meta reach it; they run in the background.
  core.startServices().catch((error: unknown) => logger.error('background services failed to start', { error }));

  const indexHtml = join(appPath, 'dist', 'renderer', 'index.html');
  bindIpc(core, logger, isOwnPage(indexHtml));
  mainWindow = createMainWindow({
    indexHtml,
    preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    // Started at login: stay in the tray until the owner opens the window.
    show: !startedHidden(),
  });
  hideOnClose(mainWindow, () => quitting);

  const general = await core.dispatch('settings.getGeneral', {});
  const preferences = general.ok ? (general.value as GeneralSettings) : DEFAULT_GENERAL_SETTINGS;
  const language = preferences.language;
  applyLoginItem(preferences.startAtLogin);
  // The tray's actions go through the same contract as the window's buttons.
  const run = (method: 'dispatch.pause' | 'dispatch.resume' | 'dispatch.sendNow') => () =>
    void core.dispatch(method, {}).then((answer) => !answer.ok && logger.warn('tray action refused', { method, code: answer.error.code }));
  const tray = createTray(
    join(appPath, 'build', 'tray.png'),
    { show: showWindow, quit: () => app.quit(), pause: run('dispatch.pause'), resume: run('dispatch.resume'), sendNow: run('dispatch.sendNow') },
    language,
  );
  const state = await core.dispatch('dispatch.state', {});
  if (state.ok) tray.setDispatchState(state.value as DispatchState);
  let currentLanguage: string = language;
  core.subscribe((name, payload) => {
    if (name === 'notify.desktop') showDesktopNotice(payload as DesktopNotice, currentLanguage, showWindow);
    if (name === 'dispatch.stateChanged') tray.setDispatchState(payload as DispatchState);
    if (name !== 'settings.generalChanged') return;
    const changed = payload as GeneralSettings;
    currentLanguage = changed.language;
    tray.setLanguage(changed.language);
    applyLoginItem(changed.startAtLogin);
  });
  return core;
}

// Every renderer is sandboxed, whatever a window's own options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Recado is running: it gets focus (second-instance below) and this one leaves, so two
  // dispatchers never send the same notifications.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // Closing the window only hides it; the tray keeps Recado sending.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app
    .whenReady()
    .then(start)
    .then((core) => {
      app.on('will-quit', () => void core.close());
    })
    .catch((error: unknown) => {
      console.error('Recado failed to start', error);
      app.exit(1);
    });
}
