import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../core/testing/temp-core';
import { applyStartAtLogin, autostartEntry, autostartFilePath, HIDDEN_ARG, startedHidden, type LoginItemApp } from './start-at-login';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());

/** Electron's login item API as it behaves: remembers the last settings. */
function fakeApp(wasOpenedAtLogin = false) {
  const calls: { openAtLogin: boolean; args?: string[] }[] = [];
  const app: LoginItemApp = {
    setLoginItemSettings: (settings) => void calls.push(settings),
    getLoginItemSettings: () => ({ wasOpenedAtLogin }),
  };
  return { app, calls };
}

describe('start at login', () => {
  it.each(['win32', 'darwin'] as const)('%s: sets and clears the OS login item, with --hidden', (platform) => {
    const { app, calls } = fakeApp();
    const where = { platform, env: {}, home: '/nowhere', execPath: 'C:\\Program Files\\Recado\\Recado.exe' };
    applyStartAtLogin(true, { app, fs, where });
    applyStartAtLogin(false, { app, fs, where });
    expect(calls).toEqual([
      { openAtLogin: true, args: [HIDDEN_ARG] },
      { openAtLogin: false, args: [HIDDEN_ARG] },
    ]);
  });

  it('linux: writes an XDG autostart entry that starts the AppImage hidden, and removes it', () => {
    temp = makeTempDir();
    const { app, calls } = fakeApp();
    const env = { XDG_CONFIG_HOME: join(temp.dir, 'config'), APPIMAGE: '/home/ana/Apps/Recado 0.1.AppImage' };
    const where = { platform: 'linux' as const, env, home: temp.dir, execPath: '/tmp/.mount_Recado/recado' };
    applyStartAtLogin(true, { app, fs, where });
    const file = join(temp.dir, 'config', 'autostart', 'recado.desktop');
    expect(autostartFilePath(env, temp.dir)).toBe(file);
    const entry = fs.readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Recado\n');
    expect(entry).toContain('Exec="/home/ana/Apps/Recado 0.1.AppImage" --hidden\n');
    applyStartAtLogin(false, { app, fs, where });
    expect(fs.existsSync(file)).toBe(false);
    // Removing twice is fine; the OS login item API is not used on Linux.
    applyStartAtLogin(false, { app, fs, where });
    expect(calls).toEqual([]);
  });

  it('linux without XDG_CONFIG_HOME: ~/.config/autostart; paths with quotes and dollars are escaped', () => {
    expect(autostartFilePath({}, '/home/ana')).toBe('/home/ana/.config/autostart/recado.desktop');
    expect(autostartEntry('/opt/Recado/recado')).toContain('Exec=/opt/Recado/recado --hidden');
    expect(autostartEntry('/home/a"b/$x\\y`z')).toContain('Exec="/home/a\\"b/\\$x\\\\y\\`z" --hidden');
  });

  it('started at login → hidden in the tray; by hand → window shown', () => {
    expect(startedHidden(['recado', HIDDEN_ARG], fakeApp().app, 'linux')).toBe(true);
    expect(startedHidden(['recado'], fakeApp().app, 'linux')).toBe(false);
    expect(startedHidden(['Recado.exe', HIDDEN_ARG], fakeApp().app, 'win32')).toBe(true);
    expect(startedHidden(['Recado'], fakeApp(true).app, 'darwin')).toBe(true);
    expect(startedHidden(['Recado'], fakeApp(false).app, 'darwin')).toBe(false);
  });
});
