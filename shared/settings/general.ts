import { z } from 'zod';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const COLOR_SCHEMES = ['light', 'dark', 'auto'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** Preferences of the app itself (not of sending). */
export const generalSettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  colorScheme: z.enum(COLOR_SCHEMES),
  /** Desktop app: open (hidden, in the tray) when the user logs in, so sending never stops. */
  startAtLogin: z.boolean(),
});
export type GeneralSettings = z.infer<typeof generalSettingsSchema>;

export const DEFAULT_GENERAL_SETTINGS: GeneralSettings = { language: 'pt-BR', colorScheme: 'auto', startAtLogin: true };
