import fc from 'fast-check';
import { numericFormatter, removeNumericFormat } from 'react-number-format';
import { describe, expect, it } from 'vitest';
import { formatMinorPlain, fromMinorUnits, moneyFormat, parseMoney, toMinorUnits } from './money';

const LANGUAGES = ['pt-BR', 'en'] as const;
/** Up to R$ 100 milhões, the order schema's ceiling (ORDER_LIMITS.maxAmountMinor). */
const minorAmount = fc.integer({ min: 0, max: 10_000_000_000 });

describe('money in the owner’s language', () => {
  it('takes separators and the symbol from Intl', () => {
    expect(moneyFormat('pt-BR', 'BRL')).toEqual({ thousandSeparator: '.', decimalSeparator: ',', prefix: 'R$ ', suffix: '' });
    expect(moneyFormat('en', 'BRL')).toEqual({ thousandSeparator: ',', decimalSeparator: '.', prefix: 'R$', suffix: '' });
    expect(moneyFormat('en', 'USD').prefix).toBe('$');
    expect(moneyFormat('pt-BR', 'USD').prefix).toBe('US$ ');
  });

  it('reads what the owner types into exact centavos', () => {
    expect(parseMoney('1.234,56', 'pt-BR')).toBe(123456);
    expect(parseMoney('R$ 1.234,56', 'pt-BR')).toBe(123456);
    expect(parseMoney('1234,5', 'pt-BR')).toBe(123450);
    expect(parseMoney('1,234.56', 'en')).toBe(123456);
    expect(parseMoney('R$1,234.56', 'en')).toBe(123456);
    expect(parseMoney('-10', 'pt-BR')).toBe(-1000);
  });

  it('refuses what is not an amount in that language instead of guessing', () => {
    // The bug that was seen: the pt-BR thousands dot read as a decimal point made R$ 1,23.
    expect(parseMoney('1.234,56', 'en')).toBeNull();
    expect(parseMoney('1,234', 'pt-BR')).toBeNull();
    expect(parseMoney('12a', 'pt-BR')).toBeNull();
    expect(parseMoney('', 'pt-BR')).toBeNull();
  });

  it('turns a field’s number into centavos from its digits, not by multiplying a float', () => {
    expect(toMinorUnits(1234.56)).toBe(123456);
    expect(toMinorUnits(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996
    expect(toMinorUnits(1.1)).toBe(110);
    expect(toMinorUnits('')).toBeNull();
    expect(toMinorUnits('8,')).toBeNull();
    expect(toMinorUnits(1.005)).toBeNull();
    expect(toMinorUnits(1e21)).toBeNull();
    expect(toMinorUnits(-10)).toBe(-1000);
  });

  it('counts minor units in the order’s currency: guaraníes have none, so decimals are refused there', () => {
    expect(toMinorUnits(50000, 'PYG')).toBe(50000);
    expect(toMinorUnits('50000', 'PYG')).toBe(50000);
    expect(toMinorUnits(10.5, 'PYG')).toBeNull();
    expect(toMinorUnits(10.5, 'USD')).toBe(1050);
  });

  it('any non-negative amount with two decimals round-trips exactly, in pt-BR and in English', () => {
    fc.assert(
      fc.property(minorAmount, fc.constantFrom(...LANGUAGES), (minor, language) => {
        expect(toMinorUnits(fromMinorUnits(minor))).toBe(minor);
        expect(parseMoney(formatMinorPlain(minor, language), language)).toBe(minor);
        expect(parseMoney(new Intl.NumberFormat(language, { style: 'currency', currency: 'BRL' }).format(fromMinorUnits(minor)), language)).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips through the same formatter the money field uses (react-number-format with our separators)', () => {
    fc.assert(
      fc.property(minorAmount, fc.constantFrom(...LANGUAGES), (minor, language) => {
        const format = moneyFormat(language, 'BRL');
        const props = { ...format, allowedDecimalSeparators: [format.decimalSeparator], decimalScale: 2 };
        const shown = numericFormatter(String(fromMinorUnits(minor)), props);
        expect(parseMoney(shown, language)).toBe(minor);
        // The whole text as typed at once (what react-number-format does with a paste).
        const whole = { from: { start: 0, end: 0 }, to: { start: 0, end: shown.length }, lastValue: '' };
        const typed = removeNumericFormat(shown, whole, props);
        expect(toMinorUnits(Number(typed))).toBe(minor);
      }),
      { numRuns: 1000 },
    );
  });
});
