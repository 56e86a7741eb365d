import { describe, expect, it } from 'vitest';
import { DEFAULT_WOO_SETTINGS, type WooSettings } from '../../../../shared/settings/woocommerce';
import { deriveEvents } from '../derive-events';
import type { Order } from '../../../../shared/domain/order';
import { pickPhone, readWooOrder } from './map-order';
import { fixture } from './testing/fake-woo-server';
import { findTracking } from './tracking';
import { wooOrderSchema, type WooOrderJson } from './woo-types';

const base = (): WooOrderJson => ({ ...fixture<WooOrderJson>('woocommerce-rest-order-727-retrieve.json'), currency: 'BRL' });
const withMeta = (meta: Record<string, unknown>, patch: Partial<WooOrderJson> = {}): WooOrderJson => ({
  ...base(),
  ...patch,
  meta_data: [...(base().meta_data ?? []), ...Object.entries(meta).map(([key, value], i) => ({ id: 9000 + i, key, value }))],
});
/** The mapped order, null for an ignored status; a refusal fails the test with its reasons. */
const mapWith = (raw: unknown, settings: WooSettings, previous: Order | null) => {
  const reading = readWooOrder(raw, settings, () => previous);
  if (reading.kind === 'refused') throw new Error(`refused: ${JSON.stringify(reading.refusal.issues)}`);
  return reading.kind === 'order' ? reading : null;
};
const map = (raw: unknown, settings: Partial<WooSettings> = {}) => mapWith(raw, { ...DEFAULT_WOO_SETTINGS, ...settings }, null);
const parsed = (raw: unknown) => wooOrderSchema.parse(raw);
const eventsOf = (raw: unknown, settings: Partial<WooSettings> = {}) => {
  const mapped = map(raw, settings);
  return mapped ? deriveEvents(mapped.order).map((e) => (e.subId ? `${e.event}:${e.subId}` : e.event)) : null;
};

describe('WooCommerce status mapping (defaults of docs §1.4)', () => {
  it.each([
    ['pending', 'pending', ['order_placed']],
    ['on-hold', 'pending', ['order_placed']],
    ['processing', 'processing', ['order_placed', 'order_processing']],
    ['completed', 'completed', ['order_placed', 'order_processing', 'shipment_created:untracked']],
    ['cancelled', 'cancelled', ['order_cancelled']],
    ['refunded', 'refunded', ['refund_issued:full']],
    ['shipped', 'completed', ['order_placed', 'order_processing', 'shipment_created:untracked']],
    ['delivered', 'completed', ['order_placed', 'order_processing', 'shipment_created:untracked', 'shipment_delivered:untracked']],
  ])('%s → %s', (status, expected, events) => {
    const raw = { ...base(), status, date_paid_gmt: null };
    expect(map(raw)?.order.status).toBe(expected);
    expect(eventsOf(raw)).toEqual(events);
  });

  it('ignores drafts, failed payments and trash', () => {
    for (const status of ['checkout-draft', 'failed', 'trash']) expect(map({ ...base(), status })).toBeNull();
  });

  it('a paid order still "on-hold" counts as processing (date_paid_gmt set)', () => {
    expect(map({ ...base(), status: 'on-hold' })?.order.status).toBe('processing');
  });

  it('completed with tracking announces the tracked shipment, not an untracked one', () => {
    const raw = withMeta({ _correios_tracking_code: 'AA123456785BR' }, { status: 'completed' });
    expect(eventsOf(raw)).toEqual(['order_placed', 'order_processing', 'shipment_created:AA123456785BR']);
  });

  it('completed without tracking follows the setting', () => {
    expect(eventsOf({ ...base(), status: 'completed' }, { shipWithoutTracking: false })).toEqual(['order_placed', 'order_processing']);
  });

  it('maps custom statuses as the user configured, and keeps the last state for unknown ones', () => {
    const mapping = { ...DEFAULT_WOO_SETTINGS.statusMapping, 'em-separacao': 'processing' as const, 'saiu-entrega': 'shipped' as const };
    expect(map({ ...base(), status: 'em-separacao' }, { statusMapping: mapping })?.order.status).toBe('processing');
    expect(eventsOf({ ...base(), status: 'wc-saiu-entrega' }, { statusMapping: mapping })).toContain('shipment_created:untracked');
    const previous = map({ ...base(), status: 'processing' })?.order ?? null;
    expect(mapWith({ ...base(), status: 'aguardando-retirada' }, DEFAULT_WOO_SETTINGS, previous)?.order.status).toBe('processing');
    expect(mapWith({ ...base(), status: 'aguardando-retirada', date_paid_gmt: null }, DEFAULT_WOO_SETTINGS, null)?.order.status).toBe('pending');
  });

  it('reads partial refunds from refunds[] (negative totals, `reason` or `refund` key)', () => {
    const raw = { ...base(), status: 'processing', refunds: [{ id: 5, reason: 'Avaria', total: '-10.50' }, { id: 6, refund: '', total: '-1.00' }] };
    expect(map(raw)?.order.refunds).toEqual([
      expect.objectContaining({ id: '5', amountMinor: 1050, reason: 'Avaria' }),
      expect.objectContaining({ id: '6', amountMinor: 100, reason: null }),
    ]);
    expect(eventsOf(raw)).toEqual(expect.arrayContaining(['refund_issued:5', 'refund_issued:6']));
  });

  it('reads totals and refunds in the store’s currency: "50000.00" guaraníes are 50000 (no centavos)', () => {
    const raw = { ...base(), currency: 'PYG', total: '50000.00', status: 'processing', refunds: [{ id: 7, reason: 'Avaria', total: '-12000.00' }] };
    expect(map(raw)?.order).toMatchObject({ totalMinor: 50000, currency: 'PYG', refunds: [expect.objectContaining({ amountMinor: 12000 })] });
  });
});

describe('WooCommerce tracking sources (docs §1.5)', () => {
  it('Shipment Tracking items: provider slug, custom provider and link, date_shipped in seconds', () => {
    const raw = withMeta({
      _wc_shipment_tracking_items: [
        { tracking_provider: 'correios', custom_tracking_provider: '', custom_tracking_link: '', tracking_number: 'aa123456785br', date_shipped: '1763640000', tracking_id: 'a1' },
        { tracking_provider: '', custom_tracking_provider: 'Loggi Express', custom_tracking_link: 'https://www.loggi.com/rastreador/XYZ9', tracking_number: 'XYZ9', date_shipped: '1763640060', tracking_id: 'b2' },
      ],
    });
    expect(findTracking(parsed(raw))).toEqual([
      { code: 'AA123456785BR', carrier: 'Correios', url: null, shippedAt: 1763640000000, from: '_wc_shipment_tracking_items' },
      { code: 'XYZ9', carrier: 'Loggi Express', url: 'https://www.loggi.com/rastreador/XYZ9', shippedAt: 1763640060000, from: '_wc_shipment_tracking_items' },
    ]);
  });

  it('Advanced Shipment Tracking items (same key, ast_tracking_link, PHP array as object)', () => {
    const raw = withMeta({
      _wc_shipment_tracking_items: { 0: { tracking_provider: 'brazil-correios', tracking_number: 'QB987654321BR', date_shipped: 1763640000, status_shipped: 1, ast_tracking_link: 'https://track.example/QB987654321BR' } },
    });
    expect(findTracking(parsed(raw))).toEqual([expect.objectContaining({ code: 'QB987654321BR', carrier: 'Correios', url: 'https://track.example/QB987654321BR' })]);
  });

  it('Correios for WooCommerce: comma-separated codes in meta and in the REST field, deduplicated', () => {
    const raw = withMeta({ _correios_tracking_code: 'AA123456785BR, AB123456785BR' }, { correios_tracking_code: 'AB123456785BR,AC123456785BR' });
    expect(findTracking(parsed(raw)).map((t) => [t.code, t.carrier])).toEqual([
      ['AA123456785BR', 'Correios'],
      ['AB123456785BR', 'Correios'],
      ['AC123456785BR', 'Correios'],
    ]);
  });

  it('old single-item Shipment Tracking keys, AfterShip, Frenet, YITH, _tracking_code and extra keys', () => {
    const raw = withMeta({
      _tracking_number: 'OLD123456',
      _tracking_provider: 'jadlog',
      _aftership_tracking_items: [{ slug: 'fedex', tracking_number: '7777888899' }],
      _frenet_tracking_number: 'FRE123456',
      ywot_tracking_code: 'YITH12345',
      _tracking_code: 'TC1234567',
      _melhorenvio_tracking: 'ME1234567',
    });
    expect(findTracking(parsed(raw), ['_melhorenvio_tracking']).map((t) => `${t.from}=${t.code}/${t.carrier}`)).toEqual([
      '_tracking_number=OLD123456/Jadlog',
      '_aftership_tracking_items=7777888899/FedEx',
      '_tracking_code=TC1234567/null',
      '_frenet_tracking_number=FRE123456/null',
      'ywot_tracking_code=YITH12345/null',
      '_melhorenvio_tracking=ME1234567/null',
    ]);
  });

  it('carrier from the shipping method when the item has none', () => {
    const raw = withMeta({ _tracking_code: 'PX123456789BR' }, { shipping_lines: [{ method_id: 'correios-sedex', method_title: 'SEDEX' }] });
    expect(findTracking(parsed(raw))[0]?.carrier).toBe('Correios');
    const jadlog = withMeta({ _tracking_code: '10012345678901' }, { shipping_lines: [{ method_id: 'melhorenvio_jadlog', method_title: 'Jadlog .Package' }] });
    expect(findTracking(parsed(jadlog))[0]?.carrier).toBe('Jadlog');
  });
});

describe('WooCommerce phone', () => {
  it('prefers the Brazilian Market cell phone, then billing, then shipping, taking the first that normalizes', () => {
    expect(pickPhone(parsed({ ...base(), billing: { phone: '(11) 3333-4444', cellphone: '(11) 98888-7777' } }))).toBe('(11) 98888-7777');
    expect(pickPhone(parsed({ ...base(), billing: { phone: '(11) 98888-7777' } }))).toBe('(11) 98888-7777');
    expect(pickPhone(parsed({ ...base(), billing: { phone: '' }, shipping: { phone: '21 97777-6666' } }))).toBe('21 97777-6666');
    expect(pickPhone(parsed({ ...base(), billing: { phone: '(11) 3333-4444' }, shipping: { phone: '21 97777-6666' } }))).toBe('21 97777-6666');
    expect(pickPhone(parsed({ ...base(), billing: { phone: '(555) 555-5555' } }))).toBe('(555) 555-5555');
    expect(pickPhone(parsed({ ...base(), billing: {}, shipping: {} }))).toBeNull();
  });
});
