import { join } from 'node:path';

/** The argument a start at login passes, so Recado opens hidden in the tray. */
export const HIDDEN_ARG = '--hidden';
export const AUTOSTART_FILE_NAME = 'recado.desktop';

/** The parts of Electron's `app` this module uses (a fake in tests). */
export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  getLoginItemSettings(): { wasOpenedAtLogin?: boolean };
}

/** The parts of `node:fs` it uses. */
export interface AutostartFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string, options: { mode: number }): void;
  rmSync(path: string, options: { force: true }): void;
}

export interface StartAtLoginEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** The program to start: the AppImage when run from one, else Electron's executable. */
  execPath: string;
}

/** `$XDG_CONFIG_HOME/autostart/recado.desktop` (XDG Autostart spec). */
export function autostartFilePath(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart', AUTOSTART_FILE_NAME);
}

/** Quotes an Exec argument per the Desktop Entry spec: `"`, `` ` ``, `$` and `\` escaped inside quotes. */
function quoteExecArg(arg: string): string {
  if (/^[\w./+-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart entry that opens Recado hidden in the tray. */
export function autostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Recado',
    'Comment=WhatsApp order notifications (starts in the tray)',
    `Exec=${quoteExecArg(execPath)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The program a Linux autostart entry must run: the AppImage itself when Recado runs from one. */
export function linuxExecPath(env: NodeJS.ProcessEnv, execPath: string): string {
  return env.APPIMAGE || execPath;
}

/**
 * Start at login on/off. Windows and macOS: the OS login item (with `--hidden`); Linux: an XDG
 * autostart `.desktop` file written or removed by Recado. Returns what it did, for the log.
 */
export function applyStartAtLogin(enabled: boolean, deps: { app: LoginItemApp; fs: AutostartFs; where: StartAtLoginEnv }): string {
  const { platform, env, home, execPath } = deps.where;
  if (platform === 'win32' || platform === 'darwin') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    return enabled ? 'login item set' : 'login item removed';
  }
  const file = autostartFilePath(env, home);
  if (!enabled) {
    deps.fs.rmSync(file, { force: true });
    return `autostart removed: ${file}`;
  }
  deps.fs.mkdirSync(join(file, '..'), { recursive: true });
  deps.fs.writeFileSync(file, autostartEntry(linuxExecPath(env, execPath)), { mode: 0o644 });
  return `autostart written: ${file}`;
}

/** Started by the login item / autostart entry (stay in the tray), or by hand (show the window). */
export function startedHidden(argv: readonly string[], app: LoginItemApp, platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  // macOS opens login items without arguments; it says so itself.
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
