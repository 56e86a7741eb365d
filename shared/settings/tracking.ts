import { z } from 'zod';

export const TRACKING_PLACEHOLDER = '{tracking}';

/** An https URL pattern with `{tracking}` where the code goes. */
const trackingPattern = z
  .string()
  .trim()
  .max(500, { error: 'validation.trackingPattern' })
  .refine((value) => value.includes(TRACKING_PLACEHOLDER) && /^https:\/\/[^\s/]+\.[^\s]+$/.test(value), {
    error: 'validation.trackingPattern',
  });

export const carrierSchema = z.object({
  /** Stable id so edits and reordering keep identity. */
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, { error: 'validation.carrierName' }).max(80, { error: 'validation.carrierName' }),
  pattern: trackingPattern,
});
export type Carrier = z.infer<typeof carrierSchema>;

/** "Tracking URL Configuration": a fallback URL and one pattern per carrier, in the owner's order. */
export const trackingSettingsSchema = z
  .object({
    defaultUrl: trackingPattern,
    carriers: z.array(carrierSchema).max(100),
  })
  .refine((s) => new Set(s.carriers.map((c) => normalizeCarrierName(c.name))).size === s.carriers.length, {
    path: ['carriers'],
    error: 'validation.carrierDuplicate',
  });
export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;

/**
 * Prefilled from each carrier's public tracking page. Where the carrier's own page is unconfirmed
 * the owner can edit it; Melhor Rastreio accepts codes of many carriers, so it is the fallback.
 */
export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = {
  defaultUrl: 'https://www.melhorrastreio.com.br/rastreio/{tracking}',
  carriers: [
    { id: 'correios', name: 'Correios', pattern: 'https://rastreamento.correios.com.br/app/index.php?objetos={tracking}' },
    { id: 'jadlog', name: 'Jadlog', pattern: 'https://www.jadlog.com.br/tracking?cte={tracking}' },
    { id: 'loggi', name: 'Loggi', pattern: 'https://www.loggi.com/rastreador/{tracking}' },
    { id: 'jet', name: 'J&T Express', pattern: 'https://www.jtexpress.com.br/trajectoryQuery?waybillNo={tracking}' },
    { id: 'azul', name: 'Azul Cargo Express', pattern: 'https://www.azulcargoexpress.com.br/rastreio/{tracking}' },
    { id: 'kangu', name: 'Kangu', pattern: 'https://www.kangu.com.br/rastreio/{tracking}' },
    { id: 'melhorenvio', name: 'Melhor Envio', pattern: 'https://www.melhorrastreio.com.br/rastreio/{tracking}' },
    { id: 'dhl', name: 'DHL Express', pattern: 'https://www.dhl.com/en/express/tracking.html?AWB={tracking}&brand=DHL' },
    { id: 'fedex', name: 'FedEx', pattern: 'https://www.fedex.com/fedextrack/?trknbr={tracking}' },
    { id: 'ups', name: 'UPS', pattern: 'https://www.ups.com/track?loc=en_US&tracknum={tracking}' },
  ],
};

/** Case-, accent- and spacing-insensitive, so "CORREIOS", "correios " and "Corrêios" match. */
export function normalizeCarrierName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/**
 * The link a customer gets: the carrier's pattern when the carrier is known (exact name first,
 * then a carrier whose name the given one contains, e.g. "Correios - SEDEX"), else the default.
 * The code is URL-encoded, so a stray space or `&` cannot break or redirect the link.
 */
export function buildTrackingUrl(settings: TrackingSettings, carrier: string | null, code: string): string {
  const wanted = carrier ? normalizeCarrierName(carrier) : '';
  const match =
    settings.carriers.find((c) => normalizeCarrierName(c.name) === wanted) ??
    (wanted ? settings.carriers.find((c) => wanted.includes(normalizeCarrierName(c.name))) : undefined);
  return (match?.pattern ?? settings.defaultUrl).replaceAll(TRACKING_PLACEHOLDER, encodeURIComponent(code.trim()));
}
