import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Recado';

/**
 * The per-user folder Electron's `app.getPath('userData')` gives for productName "Recado", so the
 * web host and the desktop app find the same data without Electron being loaded.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

export const DATABASE_FILE = 'recado.sqlite';
/** Sandbox mode's own database, so demo data never mixes with real data. */
export const SANDBOX_DATABASE_FILE = 'recado-sandbox.sqlite';
export const LOG_FILE = join('logs', 'recado.log');
