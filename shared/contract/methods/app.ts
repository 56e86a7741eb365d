import { z } from 'zod';
import { method } from '../define';

export interface AppInfo {
  name: 'Recado';
  version: string;
  /** Which host serves the contract: the Electron app or the loopback web host. */
  host: 'desktop' | 'web';
  dataDir: string;
  /** Sandbox mode: the Status screen shows a "Sandbox" badge. */
  sandbox: boolean;
  /**
   * How secrets are protected: the OS keyring, or the key file in the data folder (web host; or a
   * Linux desktop with no keyring, `keyringMissing`, which the Tools screen says in words).
   */
  secretStorage: { scheme: 'keyring' | 'file-key'; keyringMissing: boolean };
}

export const appMethods = {
  'app.info': method(z.object({}).strict()).returns<AppInfo>(),
  /**
   * Start at login on or off (the setup wizard offers it; off by default). Saved in the general
   * settings; the desktop app applies it at once (Windows/macOS login item, Linux XDG autostart
   * file) and then opens hidden in the tray. `appliesHere` is false in the web host.
   */
  'app.setStartAtLogin': method(z.object({ enabled: z.boolean() }).strict()).returns<{ enabled: boolean; appliesHere: boolean }>(),
};
