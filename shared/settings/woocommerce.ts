import { z } from 'zod';
import type { SecretSummary } from './credentials';

/**
 * What a WooCommerce status means for Recado. `shipped`: shipments come from the tracking
 * plugins' meta (and, with `shipWithoutTracking`, one shipment without a code when none has a
 * tracking number); `delivered`: those shipments are delivered; `keep`: the status says nothing
 * new (the order keeps its last known state); `ignore`: not an order yet (drafts, failed).
 */
export const WOO_STATUS_TARGETS = ['placed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded', 'keep', 'ignore'] as const;
export type WooStatusTarget = (typeof WOO_STATUS_TARGETS)[number];

/** WooCommerce's order statuses, plus the custom slugs Advanced Shipment Tracking adds. */
export const DEFAULT_WOO_STATUS_MAPPING: Record<string, WooStatusTarget> = {
  pending: 'placed',
  'on-hold': 'placed',
  processing: 'processing',
  completed: 'shipped',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'ignore',
  trash: 'ignore',
  'checkout-draft': 'ignore',
  shipped: 'shipped',
  'partial-shipped': 'shipped',
  delivered: 'delivered',
};

/** Meta keys read for tracking numbers, in order (§1.5). Users may add their own. */
export const DEFAULT_WOO_TRACKING_KEYS = [
  '_wc_shipment_tracking_items',
  '_correios_tracking_code',
  '_tracking_code',
  '_tracking_number',
  '_frenet_tracking_number',
  '_frenet_tracking_code',
  '_aftership_tracking_items',
  'ywot_tracking_code',
] as const;

const STATUS_SLUG = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** A WooCommerce status slug as the REST API writes it (`wc-` prefix removed). */
export const wooStatusSlugSchema = z.string().regex(STATUS_SLUG, { error: 'validation.statusSlug' });

const URL_PARTS = /^(https?):\/\/(\[[0-9a-f:]+\]|[a-z0-9.-]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** `https`/`http` and the host of an absolute URL, or null (shared/ has no URL class: it runs everywhere). */
export function urlParts(value: string): { protocol: 'https' | 'http'; host: string } | null {
  const m = value.trim().match(URL_PARTS);
  return m ? { protocol: (m[1] ?? '').toLowerCase() as 'https' | 'http', host: (m[2] ?? '').toLowerCase() } : null;
}

/** http:// is only acceptable for a store on this machine (a local WordPress, tests). */
export function isLocalHttp(value: string): boolean {
  const parts = urlParts(value);
  return parts?.protocol === 'http' && ['localhost', '127.0.0.1', '[::1]'].includes(parts.host);
}

export const storeUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((value) => value === '' || urlParts(value) !== null, { error: 'validation.storeUrl' })
  .refine((value) => value === '' || urlParts(value)?.protocol === 'https' || isLocalHttp(value), { error: 'validation.storeUrlHttps' });

export const wooSettingsSchema = z.object({
  /** Poll this store (the dispatcher reads it). */
  enabled: z.boolean(),
  /** `https://loja.example.com.br` ('' = not configured). */
  storeUrl: storeUrlSchema,
  /** Send the keys as query parameters: for hosts that drop the Authorization header (§1.1). */
  queryStringAuth: z.boolean(),
  statusMapping: z.record(wooStatusSlugSchema, z.enum(WOO_STATUS_TARGETS)),
  /** With a `shipped` status and no tracking number: still announce one shipment (without code). */
  shipWithoutTracking: z.boolean(),
  /** Extra meta keys holding a tracking code (plain string, comma-separated allowed). */
  extraTrackingKeys: z.array(z.string().trim().min(1).max(80)).max(20),
  requestTimeoutSeconds: z.number().int().min(3).max(120),
});
export type WooSettings = z.infer<typeof wooSettingsSchema>;

export const DEFAULT_WOO_SETTINGS: WooSettings = {
  enabled: false,
  storeUrl: '',
  queryStringAuth: false,
  statusMapping: DEFAULT_WOO_STATUS_MAPPING,
  shipWithoutTracking: true,
  extraTrackingKeys: [],
  requestTimeoutSeconds: 20,
};

const secretChange = z.string().trim().min(8, { error: 'validation.wooKey' }).max(200).regex(/^\S+$/, { error: 'validation.wooKey' });

export const saveWooSettingsSchema = wooSettingsSchema.partial().extend({
  /** Omitted = keep; null = remove; string = replace. */
  consumerKey: secretChange.nullable().optional(),
  consumerSecret: secretChange.nullable().optional(),
  webhookSecret: secretChange.nullable().optional(),
});

export interface WooSettingsView extends WooSettings {
  consumerKey: SecretSummary;
  consumerSecret: SecretSummary;
  /** The secret typed into WooCommerce → Settings → Advanced → Webhooks. */
  webhookSecret: SecretSummary;
}

/** Distinct outcomes of "Test connection"; the UI has one message per code (`woo.test.<code>`). */
export const WOO_CONNECTION_ERRORS = [
  'not_configured',
  'invalid_url',
  'not_https',
  'wrong_keys',
  'rest_unreachable',
  'timeout',
  'not_json',
  'network',
  'http_error',
] as const;
export type WooConnectionError = (typeof WOO_CONNECTION_ERRORS)[number];
