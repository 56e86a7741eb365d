import { z } from 'zod';

/** The public localtunnel service the client defaults to. */
export const DEFAULT_LOCALTUNNEL_HOST = 'https://localtunnel.me';

export const TUNNEL_MODES = ['localtunnel', 'publicUrl'] as const;
export type TunnelMode = (typeof TUNNEL_MODES)[number];

const httpUrl = z
  .string()
  .trim()
  .url({ error: 'validation.url' })
  .refine((u) => /^https?:\/\//i.test(u), { error: 'validation.url' });

/**
 * How Meta reaches the webhook: a localtunnel (default), or the owner's own public HTTPS URL
 * (reverse proxy, another tunnel program) with localtunnel off.
 */
export const tunnelSettingsSchema = z
  .object({
    mode: z.enum(TUNNEL_MODES),
    /** A self-hosted localtunnel server, or the public one. */
    localtunnelHost: httpUrl,
    /** Owner's own public base URL (HTTPS), e.g. `https://shop.example.com`; '' = not set. */
    publicUrl: z
      .string()
      .trim()
      .refine((u) => u === '' || /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(u), { error: 'validation.httpsUrl' }),
  })
  .refine((s) => s.mode !== 'publicUrl' || s.publicUrl !== '', { path: ['publicUrl'], error: 'validation.required' });
export type TunnelSettings = z.infer<typeof tunnelSettingsSchema>;

export const DEFAULT_TUNNEL_SETTINGS: TunnelSettings = {
  mode: 'localtunnel',
  localtunnelHost: DEFAULT_LOCALTUNNEL_HOST,
  publicUrl: '',
};
