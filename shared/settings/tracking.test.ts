import { describe, expect, it } from 'vitest';
import { buildTrackingUrl, DEFAULT_TRACKING_SETTINGS, normalizeCarrierName, trackingSettingsSchema } from './tracking';

describe('tracking URLs', () => {
  it('use the carrier pattern, matching names loosely', () => {
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, 'CORREIOS', 'QR123456789BR')).toBe(
      'https://rastreamento.correios.com.br/app/index.php?objetos=QR123456789BR',
    );
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, 'Correios - SEDEX', 'QR123456789BR')).toContain('correios.com.br');
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, 'j&t express', '123')).toContain('jtexpress.com.br');
  });

  it('fall back to the default URL for unknown or missing carriers', () => {
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, 'Transportadora do Zé', 'AB1')).toBe('https://www.melhorrastreio.com.br/rastreio/AB1');
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, null, 'AB1')).toBe('https://www.melhorrastreio.com.br/rastreio/AB1');
  });

  it('encode the code so it cannot break the link', () => {
    expect(buildTrackingUrl(DEFAULT_TRACKING_SETTINGS, null, 'A B&x=1')).toBe('https://www.melhorrastreio.com.br/rastreio/A%20B%26x%3D1');
  });

  it('normalize accents and case', () => {
    expect(normalizeCarrierName(' Corrêios ')).toBe('correios');
  });

  it('refuse patterns without {tracking}, non-https URLs and duplicate carriers', () => {
    const bad = (patch: object) => trackingSettingsSchema.safeParse({ ...DEFAULT_TRACKING_SETTINGS, ...patch }).success;
    expect(bad({ defaultUrl: 'https://example.com/track' })).toBe(false);
    expect(bad({ defaultUrl: 'http://example.com/{tracking}' })).toBe(false);
    expect(bad({ defaultUrl: 'javascript:alert(1)//{tracking}' })).toBe(false);
    expect(
      bad({ carriers: [...DEFAULT_TRACKING_SETTINGS.carriers, { id: 'x', name: 'correios', pattern: 'https://x.com/{tracking}' }] }),
    ).toBe(false);
    expect(trackingSettingsSchema.safeParse(DEFAULT_TRACKING_SETTINGS).success).toBe(true);
  });
});
