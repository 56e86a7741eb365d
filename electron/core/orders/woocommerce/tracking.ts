import type { WooMeta } from './woo-types';

/** The parts of an order tracking codes are read from (a parsed `WooOrder` or the REST JSON). */
export interface TrackingInput {
  meta_data?: readonly WooMeta[] | undefined;
  shipping_lines?: readonly { method_id?: string | undefined; method_title?: string | undefined }[] | undefined;
  correios_tracking_code?: string | undefined;
}

/** One tracking number found on an order, whatever plugin stored it. */
export interface FoundTracking {
  code: string;
  carrier: string | null;
  url: string | null;
  /** Unix ms, when the plugin recorded it (Shipment Tracking's `date_shipped`). */
  shippedAt: number | null;
  /** Which meta key it came from (for the log and tests). */
  from: string;
}

const CARRIER_SLUGS: Record<string, string> = {
  correios: 'Correios',
  'brazil-correios': 'Correios',
  'correios-brazil': 'Correios',
  jadlog: 'Jadlog',
  loggi: 'Loggi',
  'total-express': 'Total Express',
  'azul-cargo': 'Azul Cargo Express',
  'jt-express-br': 'J&T Express',
  'j-t-express-brazil': 'J&T Express',
  dhl: 'DHL',
  'dhl-express': 'DHL Express',
  fedex: 'FedEx',
  ups: 'UPS',
  usps: 'USPS',
};

/** A provider slug or name as a readable carrier name. */
export function carrierName(provider: string | null | undefined): string | null {
  const value = (provider ?? '').trim();
  if (value === '') return null;
  const slug = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return CARRIER_SLUGS[slug] ?? (value.includes('-') && value === value.toLowerCase() ? value.replace(/-/g, ' ') : value);
}

/** Carrier guessed from the shipping method (Correios PAC/SEDEX ids, Jadlog, Loggi…), else its title. */
export function carrierFromShipping(order: TrackingInput): string | null {
  for (const line of order.shipping_lines ?? []) {
    const text = `${line.method_id ?? ''} ${line.method_title ?? ''}`.toLowerCase();
    if (/correios|\bpac\b|sedex|carta registrada/.test(text)) return 'Correios';
    if (text.includes('jadlog')) return 'Jadlog';
    if (text.includes('loggi')) return 'Loggi';
    if (text.includes('total express')) return 'Total Express';
    if (text.includes('azul')) return 'Azul Cargo Express';
    if (/j&t|jt express/.test(text)) return 'J&T Express';
    if (line.method_title && !/free|grátis|gratis|flat rate|taxa fixa|local pickup|retirada/i.test(line.method_title)) return line.method_title;
  }
  return null;
}

/** PHP arrays with holes arrive as JSON objects: accept both. */
function listOf(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  return items.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null);
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const unixToMs = (value: unknown): number | null => {
  const n = Number(str(value));
  return str(value) !== '' && Number.isFinite(n) && n > 0 ? n * 1000 : null;
};
const codes = (value: unknown): string[] =>
  str(value)
    .split(/[,;\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c.length >= 4);

/**
 * Every tracking number on the order, deduplicated by code, in the order of docs §1.5:
 * Shipment Tracking / Advanced Shipment Tracking items, Correios for WooCommerce (meta and REST
 * field, comma-separated), the old single-item Shipment Tracking keys, AfterShip items, then the
 * plain-string keys (`_tracking_code`, Frenet, YITH, and the user's extra keys).
 */
export function findTracking(order: TrackingInput, extraKeys: readonly string[] = []): FoundTracking[] {
  const meta = new Map<string, unknown>();
  for (const m of order.meta_data ?? []) if (!meta.has(m.key)) meta.set(m.key, m.value);
  const fallbackCarrier = carrierFromShipping(order);
  const found = new Map<string, FoundTracking>();
  const add = (t: FoundTracking) => {
    const code = t.code.trim().toUpperCase();
    if (code !== '' && !found.has(code)) found.set(code, { ...t, code });
  };

  for (const item of listOf(meta.get('_wc_shipment_tracking_items'))) {
    add({
      code: str(item.tracking_number),
      carrier: carrierName(str(item.custom_tracking_provider) || str(item.formatted_tracking_provider) || str(item.tracking_provider)) ?? fallbackCarrier,
      url: str(item.custom_tracking_link) || str(item.ast_tracking_link) || str(item.formatted_tracking_link) || str(item.tracking_link) || null,
      shippedAt: unixToMs(item.date_shipped),
      from: '_wc_shipment_tracking_items',
    });
  }
  for (const code of [...codes(meta.get('_correios_tracking_code')), ...codes(order.correios_tracking_code)]) {
    add({ code, carrier: 'Correios', url: null, shippedAt: null, from: '_correios_tracking_code' });
  }
  if (str(meta.get('_tracking_number'))) {
    add({
      code: str(meta.get('_tracking_number')),
      carrier: carrierName(str(meta.get('_custom_tracking_provider')) || str(meta.get('_tracking_provider'))) ?? fallbackCarrier,
      url: str(meta.get('_custom_tracking_link')) || null,
      shippedAt: unixToMs(meta.get('_date_shipped')),
      from: '_tracking_number',
    });
  }
  for (const item of listOf(meta.get('_aftership_tracking_items'))) {
    add({
      code: str(item.tracking_number),
      carrier: carrierName(str(item.slug) || str(item.tracking_provider)) ?? fallbackCarrier,
      url: null,
      shippedAt: null,
      from: '_aftership_tracking_items',
    });
  }
  for (const key of ['_tracking_code', '_frenet_tracking_number', '_frenet_tracking_code', 'ywot_tracking_code', ...extraKeys]) {
    for (const code of codes(meta.get(key))) add({ code, carrier: fallbackCarrier, url: null, shippedAt: null, from: key });
  }
  return [...found.values()];
}
