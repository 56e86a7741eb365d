import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { trayTexts, trayView, type TrayIcon, type TrayInput } from '../../shared/i18n/tray';
import type { DispatchState } from '../../shared/contract/methods/dispatch';
import type { TunnelState } from '../../shared/contract/methods/tunnel';
import { decideClose } from './close-behaviour';

export interface TrayActions {
  show(): void;
  quit(): void;
  pause(): void;
  resume(): void;
  sendNow(): void;
  /** Shows the window on the Templates screen, where held notices are let go. */
  openTemplates(): void;
}

/** `build/tray-<icon>.png` (Electron picks the `@2x` file on HiDPI screens by itself). */
export function trayIconPath(buildDir: string, icon: TrayIcon): string {
  return join(buildDir, `tray-${icon}.png`);
}

/**
 * Recado lives in the tray: its icon says sending / paused / needs attention, the tooltip the
 * queue, the next send and the notices held as Marketing, the menu pauses, resumes, sends now or
 * opens the Templates screen. Every choice is made by
 * `trayView` (shared/i18n/tray.ts, tested there); this only draws it, again when what it shows changes.
 */
export function createTray(buildDir: string, actions: TrayActions, language: string) {
  let current: { input: TrayInput; language: string } = { input: { dispatch: null, tunnel: null }, language };
  const tray = new Tray(nativeImage.createFromPath(trayIconPath(buildDir, trayView(current.input, language).icon)));
  let shown = '';

  const render = () => {
    const texts = trayTexts(current.language);
    const view = trayView(current.input, current.language);
    const key = JSON.stringify(view);
    // The state is pushed often (queue size, next run): redraw only when what is shown changes.
    if (key === shown) return;
    shown = key;
    tray.setImage(nativeImage.createFromPath(trayIconPath(buildDir, view.icon)));
    tray.setToolTip(view.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: texts.open, click: actions.show },
        ...(view.openTemplates ? [{ label: view.openTemplates, click: actions.openTemplates }] : []),
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
    setDispatchState(dispatch: DispatchState) {
      current = { ...current, input: { ...current.input, dispatch } };
      render();
    },
    setTunnelState(tunnel: TunnelState) {
      current = { ...current, input: { ...current.input, tunnel } };
      render();
    },
    /** How many events are held because their template became MARKETING. */
    setHeldEvents(heldEvents: number) {
      current = { ...current, input: { ...current.input, heldEvents } };
      render();
    },
  };
}

/**
 * Closing the window keeps Recado sending (see `decideClose`): hidden in the tray, or minimised
 * where there is no tray; the first time, `onFirstHide` tells the owner how to quit.
 */
export function keepRunningOnClose(
  win: BrowserWindow,
  options: { isQuitting(): boolean; trayAvailable: boolean; noticeShown(): boolean; onFirstHide(): void },
): void {
  win.on('close', (event) => {
    const decision = decideClose({ quitting: options.isQuitting(), trayAvailable: options.trayAvailable, noticeShown: options.noticeShown() });
    if (decision.action === 'quit') return;
    event.preventDefault();
    if (decision.action === 'hide') win.hide();
    else win.minimize();
    if (decision.showNotice) options.onFirstHide();
  });
}
