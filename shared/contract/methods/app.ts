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
}

export const appMethods = {
  'app.info': method(z.object({}).strict()).returns<AppInfo>(),
};
