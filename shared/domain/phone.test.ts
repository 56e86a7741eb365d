import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { e164Digits, normalizeBrazilianPhone, PHONE_REASONS } from './phone';

const ok = (e164: string) => expect.objectContaining({ ok: true, e164 });
const no = (reason: string) => ({ ok: false, reason });

const DDDS = [
  ...[11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38],
  ...[41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69],
  ...[71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99],
].map(String);

describe('normalizeBrazilianPhone', () => {
  it('knows exactly the 67 DDDs in use', () => {
    expect(DDDS).toHaveLength(67);
    for (let d = 10; d <= 99; d++) {
      const result = normalizeBrazilianPhone(`${d}987654321`);
      if (DDDS.includes(String(d))) expect(result, String(d)).toEqual(ok(`+55${d}987654321`));
      else expect(result, String(d)).toEqual(no('invalid_area_code'));
    }
  });

  it.each([
    ['(11) 98765-4321', '+5511987654321'],
    ['11987654321', '+5511987654321'],
    ['011 98765 4321', '+5511987654321'],
    ['0 15 11 98765-4321', '+5511987654321'],
    ['0xx11 98765-4321', '+5511987654321'],
    ['(0XX21) 99876-5432', '+5521998765432'],
    ['+55 11 9 8765 4321', '+5511987654321'],
    ['5511987654321', '+5511987654321'],
    ['005511987654321', '+5511987654321'],
    ['+55 (11) 98765.4321', '+5511987654321'],
    ['  11/98765-4321 ', '+5511987654321'],
  ])('normalizes %s', (input, e164) => {
    expect(normalizeBrazilianPhone(input)).toEqual(ok(e164));
  });

  it('inserts the 9th digit in legacy 8-digit mobiles (subscriber starting 6–9), in every written form', () => {
    for (const input of ['(11) 8765-4321', '1187654321', '551187654321', '+55 11 8765-4321', '0 21 11 8765-4321', '011 8765 4321']) {
      expect(normalizeBrazilianPhone(input), input).toEqual({ ok: true, e164: '+5511987654321', ninthDigitAdded: true, country: 'BR' });
    }
    expect(normalizeBrazilianPhone('(77) 6123-4567')).toEqual(ok('+5577961234567'));
    expect(normalizeBrazilianPhone('11987654321')).toMatchObject({ ninthDigitAdded: false });
  });

  it('decides the 55 ambiguity by length: country code or DDD 55 (Rio Grande do Sul)', () => {
    expect(normalizeBrazilianPhone('55987654321')).toEqual(ok('+5555987654321'));
    expect(normalizeBrazilianPhone('5598765432')).toEqual(ok('+5555998765432'));
    expect(normalizeBrazilianPhone('5555987654321')).toEqual(ok('+5555987654321'));
    expect(normalizeBrazilianPhone('555598765432')).toEqual(ok('+5555998765432'));
    expect(normalizeBrazilianPhone('5511987654321')).toEqual(ok('+5511987654321'));
  });

  it('refuses landlines unless asked, and keeps them exact when allowed', () => {
    expect(normalizeBrazilianPhone('(11) 1111-1111')).toEqual(no('invalid'));
    expect(normalizeBrazilianPhone('(11) 3333-4444')).toEqual(no('landline'));
    expect(normalizeBrazilianPhone('(11) 3333-4444', { allowLandline: true })).toEqual(ok('+551133334444'));
    // The Shopify sample: DDD 77, 8-digit subscriber starting with 3 = fixed line, no 9 added.
    expect(normalizeBrazilianPhone('+557734881234')).toEqual(no('landline'));
    expect(normalizeBrazilianPhone('0 15 21 5555-5555', { allowLandline: true })).toEqual(ok('+552155555555'));
  });

  it.each([
    ['', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    [' ( ) - ', 'empty'],
    ['não tem', 'not_a_number'],
    ['11 98765-4321 ramal 2', 'not_a_number'],
    ['9876-5432', 'too_short'],
    ['98765-4321', 'too_short'],
    ['119876543210', 'too_long'],
    ['+55 11 98765-43210', 'too_long'],
    ['0 11 98765-4321 123', 'too_long'],
    ['(10) 98765-4321', 'invalid_area_code'],
    ['(20) 8765-4321', 'invalid_area_code'],
    ['(11) 88765-4321', 'invalid'],
    ['(11) 0765-4321', 'invalid'],
    ['+1 202 555', 'too_short'],
  ] as const)('refuses %j with %s', (input, reason) => {
    expect(normalizeBrazilianPhone(input)).toEqual(no(reason));
  });

  it('accepts valid foreign mobiles written with their country code, refuses invalid ones', () => {
    expect(normalizeBrazilianPhone('+44 7911 123456')).toEqual(ok('+447911123456'));
    expect(normalizeBrazilianPhone('00351 912 345 678')).toEqual(ok('+351912345678'));
    expect(normalizeBrazilianPhone('+999 1234 5678')).toEqual(no('invalid'));
  });

  // Properties: every way a shop writes the same mobile lands on one E.164.
  const mobile = fc.record({
    ddd: fc.constantFrom(...DDDS),
    // 8 digits after the 9; first of them 6–9 keeps it inside the mobile ranges.
    rest: fc.tuple(fc.integer({ min: 6, max: 9 }), fc.stringMatching(/^\d{7}$/)).map(([a, b]) => `${a}${b}`),
  });
  const mask = (ddd: string, sub: string, style: number): string => {
    const nine = `9${sub}`;
    switch (style) {
      case 0: return `(${ddd}) ${nine.slice(0, 5)}-${nine.slice(5)}`;
      case 1: return `${ddd}${nine}`;
      case 2: return `+55 ${ddd} ${nine.slice(0, 1)} ${nine.slice(1, 5)} ${nine.slice(5)}`;
      case 3: return `55${ddd}${nine}`;
      case 4: return `0${ddd} ${nine}`;
      case 5: return `0 41 ${ddd} ${nine.slice(0, 5)}-${nine.slice(5)}`;
      case 6: return `(${ddd}) ${sub.slice(0, 4)}-${sub.slice(4)}`; // legacy, without the 9
      case 7: return `+55${ddd}${sub}`; // legacy, international
      default: return `00 55 ${ddd} ${nine}`;
    }
  };

  it('maps every written form of a mobile to the same E.164 (property)', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: 8 }), ({ ddd, rest }, style) => {
        const result = normalizeBrazilianPhone(mask(ddd, rest, style));
        expect(result).toEqual(ok(`+55${ddd}9${rest}`));
        if (result.ok) expect(result.ninthDigitAdded).toBe(style === 6 || style === 7);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on its own output and never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const result = normalizeBrazilianPhone(text);
        if (result.ok) {
          expect(normalizeBrazilianPhone(result.e164)).toEqual(expect.objectContaining({ ok: true, e164: result.e164 }));
          expect(result.e164).toMatch(/^\+\d{8,15}$/);
        } else {
          expect(PHONE_REASONS).toContain(result.reason);
        }
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[\d ()+\-.]{0,24}$/), (text) => {
        const result = normalizeBrazilianPhone(text);
        if (result.ok) expect(normalizeBrazilianPhone(result.e164, { allowLandline: true })).toMatchObject({ e164: result.e164 });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives wa.me digits', () => {
    expect(e164Digits('+5511987654321')).toBe('5511987654321');
  });
});
