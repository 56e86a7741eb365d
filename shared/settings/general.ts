import { z } from 'zod';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const COLOR_SCHEMES = ['light', 'dark', 'auto'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Preferences of the app itself (not of sending). */
export const generalSettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  colorScheme: z.enum(COLOR_SCHEMES),
  /** Desktop app: open (hidden, in the tray) when the user logs in, so sending never stops. Off until the owner asks. */
  startAtLogin: z.boolean(),
  /** Desktop app: the least important log lines kept (the log folder rotates by size). */
  logLevel: z.enum(LOG_LEVELS),
  /** Desktop app: check `updateFeedUrl` for signed updates. Off by default. */
  autoUpdate: z.boolean(),
  /** The update feed (electron-updater "generic" provider): an https URL, or empty. */
  updateFeedUrl: z.union([z.literal(''), z.url({ protocol: /^https$/, error: 'validation.httpsUrl' }).max(500)]),
});
export type GeneralSettings = z.infer<typeof generalSettingsSchema>;

export const DEFAULT_GENERAL_SETTINGS: GeneralSettings = {
  language: 'pt-BR',
  colorScheme: 'auto',
  startAtLogin: false,
  logLevel: 'info',
  autoUpdate: false,
  updateFeedUrl: '',
};
