import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBrazilianPhone } from './phone';
import { formatPhone } from './phone-display';

describe('formatPhone', () => {
  it.each([
    ['+5511987654321', '+55 11 98765-4321'],
    ['5511987654321', '+55 11 98765-4321'],
    ['+551140001234', '+55 11 4000-1234'],
    ['+5521998765432', '+55 21 99876-5432'],
    ['+5555991234567', '+55 55 99123-4567'],
    ['  +5511987654321 ', '+55 11 98765-4321'],
  ])('shows the Brazilian %s in national grouping after +55: %s', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  it.each([
    ['+351912345678', '+351 912 345 678'],
    ['+14155552671', '+1 415 555 2671'],
    ['+447911123456', '+44 7911 123456'],
  ])('shows the foreign %s in the international format: %s', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  it('gives back what is not a phone as it is, and nothing for nothing', () => {
    expect(formatPhone(null)).toBe('');
    expect(formatPhone(undefined)).toBe('');
    expect(formatPhone('   ')).toBe('');
    expect(formatPhone('sem telefone')).toBe('sem telefone');
    expect(formatPhone('12345')).toBe('12345');
    expect(formatPhone('+99912345678901234')).toBe('+99912345678901234');
  });

  it('shows every number the order sources accept with its digits intact and grouped', () => {
    const ddd = fc.constantFrom('11', '21', '31', '41', '51', '61', '71', '81', '91', '55');
    const subscriber = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0'));
    fc.assert(
      fc.property(ddd, subscriber, (area, rest) => {
        const result = normalizeBrazilianPhone(`(${area}) 9${rest}`);
        if (!result.ok) return;
        const shown = formatPhone(result.e164);
        expect(shown).toMatch(/^\+55 \d{2} \d{4,5}-\d{4}$/);
        expect(shown.replace(/\D/g, '')).toBe(result.e164.slice(1));
      }),
    );
  });

  it('never throws and never loses a digit, whatever text it is handed', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const shown = formatPhone(text);
        expect(typeof shown).toBe('string');
        if (shown !== text.trim()) expect(shown.replace(/\D/g, '')).toBe(text.replace(/\D/g, ''));
      }),
    );
  });
});
