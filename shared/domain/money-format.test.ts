import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits, decimalToMinor, formatMoney } from './money-format';

describe('minor units per currency', () => {
  it('knows each currency’s digits from Intl', () => {
    expect([currencyDigits('BRL'), currencyDigits('USD'), currencyDigits('PYG'), currencyDigits('JPY'), currencyDigits('CLP'), currencyDigits('KWD')]).toEqual([2, 2, 0, 0, 0, 3]);
    expect(currencyDigits('XXQ')).toBe(2);
  });

  it('turns decimal digits into minor units of that currency, exactly', () => {
    expect(decimalToMinor('1234', '56', 'BRL')).toBe(123456);
    expect(decimalToMinor('0', '29', 'BRL')).toBe(29);
    expect(decimalToMinor('10', '5', 'BRL')).toBe(1050);
    expect(decimalToMinor('50000', '', 'PYG')).toBe(50000);
    expect(decimalToMinor('50000', '00', 'PYG')).toBe(50000);
    expect(decimalToMinor('2190', '50', 'JPY')).toBe(2191);
    expect(decimalToMinor('1', '5', 'KWD')).toBe(1500);
  });

  it('what it reads, formatMoney writes back as the same amount (any currency, any amount)', () => {
    const currencies = fc.constantFrom('BRL', 'USD', 'EUR', 'PYG', 'JPY', 'CLP', 'KWD');
    fc.assert(
      fc.property(currencies, fc.integer({ min: 0, max: 10_000_000 }), fc.nat({ max: 999 }), (currency, whole, cents) => {
        const digits = currencyDigits(currency);
        const fraction = digits === 0 ? '' : String(cents % 10 ** digits).padStart(digits, '0');
        const minor = decimalToMinor(String(whole), fraction, currency);
        const written = formatMoney(minor, currency, 'en', { symbol: false }).replaceAll(',', '');
        expect(written).toBe(fraction === '' ? String(whole) : `${whole}.${fraction}`);
      }),
    );
  });
});
