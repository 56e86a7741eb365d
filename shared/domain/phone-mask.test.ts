import { describe, expect, it } from 'vitest';
import { maskPhone } from './phone-mask';

describe('maskPhone', () => {
  it('masks like the wireframe', () => {
    expect(maskPhone('+55 11 94000-1242')).toBe('+55 11 9••••-••42');
    expect(maskPhone('+55 11 4000-1234')).toBe('+55 11 4•••-••34');
  });
  it('handles unspaced numbers and leaves short ones alone', () => {
    expect(maskPhone('+5511987654321')).toBe('+55119••••••21');
    expect(maskPhone('1234')).toBe('1234');
  });
});
