import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';
import { trayTexts, trayView, type TrayView } from '../../shared/i18n/tray';
import type { DispatchState } from '../../shared/contract/methods/dispatch';

export interface TrayActions {
  show(): void;
  quit(): void;
  pause(): void;
  resume(): void;
  sendNow(): void;
}

/**
 * Recado lives in the tray: closing the window hides it and sending goes on in the background.
 * The tooltip says whether it is sending and how many wait; the menu pauses, resumes or sends now
 * (texts and choices in shared/i18n/tray.ts, tested there). Rebuilt on every dispatcher state
 * change and when the language changes.
 */
export function createTray(iconPath: string, actions: TrayActions, language: string) {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  let current: { state: DispatchState | null; language: string } = { state: null, language };

  const render = () => {
    const texts = trayTexts(current.language);
    const view: TrayView = trayView(current.state, current.language);
    tray.setToolTip(view.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: texts.open, click: actions.show },
        { type: 'separator' },
        ...(view.toggle ? [{ label: view.toggle.label, click: view.toggle.action === 'pause' ? actions.pause : actions.resume }] : []),
        ...(view.sendNow ? [{ label: view.sendNow, click: actions.sendNow }] : []),
        ...(view.toggle || view.sendNow ? [{ type: 'separator' as const }] : []),
        { label: texts.quit, click: actions.quit },
      ]),
    );
  };
  render();
  tray.on('click', actions.show);
  return {
    tray,
    setLanguage(next: string) {
      current = { ...current, language: next };
      render();
    },
    setDispatchState(state: DispatchState) {
      // The state is pushed often (queue size, next run): rebuild only when what is shown changes.
      const before = JSON.stringify(trayView(current.state, current.language));
      current = { ...current, state };
      if (JSON.stringify(trayView(state, current.language)) !== before) render();
    },
  };
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
