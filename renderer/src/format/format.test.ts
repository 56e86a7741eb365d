import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatRelative } from './format';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the one format module', () => {
  it('reads money in minor units, in the currency given', () => {
    expect(plain(formatMoney(123456, 'BRL', 'pt-BR'))).toBe('R$ 1.234,56');
    expect(plain(formatMoney(21890, 'USD', 'en'))).toBe('$218.90');
    expect(plain(formatMoney(-5, 'BRL', 'pt-BR'))).toBe('-R$ 0,05');
  });

  it('writes a date and time as the wireframe does in pt-BR, and a dash for no time', () => {
    const ms = new Date(2026, 4, 28, 14, 32).getTime();
    expect(formatDateTime(ms, 'pt-BR')).toBe('28/05/2026 14:32');
    expect(formatDateTime(null, 'pt-BR')).toBe('—');
    expect(formatDateTime(undefined, 'en')).toBe('—');
  });

  it('says "agora" under a minute and counts minutes after that', () => {
    const now = 1_000_000_000;
    expect(formatRelative(now - 10_000, now, 'pt-BR')).toBe('agora');
    expect(formatRelative(now - 120_000, now, 'pt-BR')).toBe('há 2 minutos');
    expect(formatRelative(now + 3 * 3_600_000, now, 'en')).toBe('in 3 hours');
  });
});
