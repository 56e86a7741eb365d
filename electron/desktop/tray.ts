import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';

export interface TrayActions {
  show(): void;
  quit(): void;
}

/**
 * Recado lives in the tray: closing the window hides it and sending goes on in the background.
 * Labels are pt-BR first; the menu is rebuilt when the language setting changes.
 */
export type TrayLabels = { open: string; quit: string };

export function createTray(iconPath: string, actions: TrayActions, labels: TrayLabels): { tray: Tray; setLabels(l: TrayLabels): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Recado');
  const setMenu = (l: TrayLabels) =>
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: l.open, click: actions.show },
        { type: 'separator' },
        { label: l.quit, click: actions.quit },
      ]),
    );
  setMenu(labels);
  tray.on('click', actions.show);
  return { tray, setLabels: setMenu };
}

/** Hide instead of closing, unless the app is really quitting. */
export function hideOnClose(win: BrowserWindow, isQuitting: () => boolean): void {
  win.on('close', (event) => {
    if (!isQuitting()) {
      event.preventDefault();
      win.hide();
    }
  });
}
