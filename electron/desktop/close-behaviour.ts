/** What closing the window does. */
export interface CloseDecision {
  /** `quit`: really closing; `hide`: to the tray; `minimize`: no tray to come back from. */
  action: 'quit' | 'hide' | 'minimize';
  /** Show, once ever, that Recado keeps sending from the tray and how to quit. */
  showNotice: boolean;
}

/**
 * Closing the window keeps Recado sending: it hides to the tray, or minimises where there is no
 * tray to bring it back from (some Linux desktops); the first time, the owner is told once.
 */
export function decideClose(input: { quitting: boolean; trayAvailable: boolean; noticeShown: boolean }): CloseDecision {
  if (input.quitting) return { action: 'quit', showNotice: false };
  return { action: input.trayAvailable ? 'hide' : 'minimize', showNotice: input.trayAvailable && !input.noticeShown };
}

/**
 * Whether this desktop shows tray icons. Windows and macOS always do. On Linux Electron cannot tell
 * (it answers "created" even where nothing is drawn): stock GNOME shows none without the
 * AppIndicator extension, the other common desktops (KDE, Cinnamon, XFCE, MATE, LXQt, Budgie,
 * Unity, Deepin…) do. `RECADO_TRAY=0|1` overrides the guess.
 */
export function trayAvailable(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (env.RECADO_TRAY === '0') return false;
  if (env.RECADO_TRAY === '1') return true;
  if (platform !== 'linux') return true;
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':').filter(Boolean);
  if (desktops.length === 0) return false;
  // Ubuntu's GNOME ships the AppIndicator extension ("ubuntu:GNOME").
  if (desktops.includes('gnome') && !desktops.includes('ubuntu') && !desktops.includes('unity')) return false;
  return true;
}

/** Settings key: the first-close notice was shown. */
export const CLOSED_NOTICE_KEY = 'desktop.closedNoticeShown';
