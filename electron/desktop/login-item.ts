import { app } from 'electron';

/** The argument the login item passes, so a start at login stays in the tray. */
export const HIDDEN_ARG = '--hidden';

/**
 * Windows and macOS: open Recado when the user logs in (hidden, in the tray). Linux has no
 * login items in Electron; autostart there is the desktop environment's business.
 */
export function applyLoginItem(openAtLogin: boolean): void {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return;
  app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
}

export function startedHidden(argv: readonly string[] = process.argv): boolean {
  return argv.includes(HIDDEN_ARG) || app.getLoginItemSettings().wasOpenedAtLogin;
}
