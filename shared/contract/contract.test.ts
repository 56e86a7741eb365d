import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, events, mergeGroups, method, METHOD_NAMES, toFieldIssues } from './index';

describe('contract', () => {
  it('uses dotted feature.action names for every method and event', () => {
    for (const name of [...METHOD_NAMES, ...Object.keys(events)]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(Object.keys(contract).length).toBe(METHOD_NAMES.length);
  });

  it('refuses the same method name declared by two features', () => {
    const a = { 'x.get': method(z.object({})).returns<number>() };
    const b = { 'x.get': method(z.object({})).returns<string>() };
    expect(() => mergeGroups(a, b)).toThrow(/declared twice: x.get/);
  });

  it('turns zod issues into translatable keys with parameters', () => {
    const schema = z.object({ n: z.number().min(60, { error: 'validation.range' }), s: z.string() });
    const result = schema.safeParse({ n: 1, s: 3 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldIssues(result.error)).toEqual([
      { path: 'n', key: 'validation.range', params: { minimum: 60 } },
      { path: 's', key: 'validation.invalid_type', params: { expected: 'string' } },
    ]);
  });
});
