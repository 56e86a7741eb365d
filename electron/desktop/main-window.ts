import { BrowserWindow, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { isSafeExternalUrl } from './external-links';

export interface MainWindowOptions {
  indexHtml: string;
  preload: string;
  /** False when started at login: the window waits in the tray. */
  show: boolean;
}

/**
 * The one window. Hardened per Electron's security checklist: isolated, sandboxed renderer with
 * no Node, no navigation away from our page, no new windows (https links go to the system
 * browser after a check), no permission prompts.
 */
export function createMainWindow({ indexHtml, preload, show }: MainWindowOptions): BrowserWindow {
  const pageUrl = pathToFileURL(indexHtml).href;
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Recado',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  win.webContents.on('will-navigate', (event, url) => {
    if (url !== pageUrl) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  if (show) win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);
  return win;
}

/**
 * Switches the page to one screen (`#/<screen>`, the renderer's hash route), as a click in its
 * menu would: an unsaved form still asks before it is left.
 */
export function showScreen(win: BrowserWindow, screen: string): void {
  void win.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(`#/${screen}`)}`);
}

/** True for our own page only (any hash route), which is what the IPC sender check needs. */
export function isOwnPage(indexHtml: string): (url: string) => boolean {
  const pageUrl = pathToFileURL(indexHtml).href;
  return (url) => url === pageUrl || url.startsWith(`${pageUrl}#`);
}
