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

/** A file the app found damaged at start-up and replaced to start at all (the copy is kept). */
export type StartupNoticeKind = 'settings_damaged' | 'secret_key_damaged';

/** Something that went wrong while starting, shown on the Status screen until dismissed. */
export interface StartupNotice {
  id: string;
  kind: StartupNoticeKind;
  /** Where the damaged file was kept. */
  keptAs: string;
  at: number;
}

export const appMethods = {
  /** What went wrong while starting (damaged settings or key file), not dismissed yet. */
  'app.notices': method(z.object({}).strict()).returns<StartupNotice[]>(),
  /** Dismisses one start-up notice; answers the ones left. */
  'app.dismissNotice': method(z.object({ id: z.string().min(1).max(100) }).strict()).returns<StartupNotice[]>(),
  'app.info': method(z.object({}).strict()).returns<AppInfo>(),
  /**
   * Start at login on or off (the setup wizard offers it; off by default). Saved in the general
   * settings; the desktop app applies it at once (Windows/macOS login item, Linux XDG autostart
   * file) and then opens hidden in the tray. `appliesHere` is false in the web host.
   */
  'app.setStartAtLogin': method(z.object({ enabled: z.boolean() }).strict()).returns<{ enabled: boolean; appliesHere: boolean }>(),
};
