import { describe, expect, it } from 'vitest';
import { decideClose, trayAvailable } from './close-behaviour';

describe('closing the window', () => {
  it('hides to the tray and tells the owner once, the first time', () => {
    expect(decideClose({ quitting: false, trayAvailable: true, noticeShown: false })).toEqual({ action: 'hide', showNotice: true });
    expect(decideClose({ quitting: false, trayAvailable: true, noticeShown: true })).toEqual({ action: 'hide', showNotice: false });
  });

  it('minimises where there is no tray to come back from, and really closes when quitting', () => {
    expect(decideClose({ quitting: false, trayAvailable: false, noticeShown: false })).toEqual({ action: 'minimize', showNotice: false });
    expect(decideClose({ quitting: true, trayAvailable: true, noticeShown: false })).toEqual({ action: 'quit', showNotice: false });
  });

  it('knows which desktops show a tray', () => {
    expect(trayAvailable('win32', {})).toBe(true);
    expect(trayAvailable('darwin', {})).toBe(true);
    expect(trayAvailable('linux', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe(false);
    expect(trayAvailable('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(true);
    expect(trayAvailable('linux', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(true);
    expect(trayAvailable('linux', { XDG_CURRENT_DESKTOP: 'X-Cinnamon' })).toBe(true);
    expect(trayAvailable('linux', {})).toBe(false);
    expect(trayAvailable('linux', { XDG_CURRENT_DESKTOP: 'GNOME', RECADO_TRAY: '1' })).toBe(true);
    expect(trayAvailable('win32', { RECADO_TRAY: '0' })).toBe(false);
  });
});
