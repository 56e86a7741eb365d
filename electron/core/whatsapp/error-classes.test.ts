import { describe, expect, it } from 'vitest';
import { classifyMetaCode, META_ERROR_TABLE, retryDelayMs } from './error-classes';
import { classifyFailure } from './graph-error';

describe('the Meta error classifier', () => {
  it.each([
    [131026, 'permanent_recipient'],
    [131050, 'permanent_recipient'],
    [130429, 'retry'],
    [131056, 'retry'],
    [80007, 'retry'],
    [131000, 'retry'],
    [131049, 'temporary_recipient'],
    [131047, 'temporary_recipient'],
    [190, 'config'],
    [10, 'config'],
    [200, 'config'],
    [250, 'config'],
    [100, 'config'],
    [132000, 'config'],
    [132001, 'config'],
    [133005, 'config'],
    [133010, 'config'],
    [368, 'account_blocked'],
    [131031, 'account_blocked'],
  ] as const)('puts %i in %s', (code, cls) => {
    expect(classifyMetaCode(code).class).toBe(cls);
  });

  it('decides by code, whatever the HTTP status says', () => {
    const meta = { kind: 'meta' as const, code: 130429, title: 'Rate limit hit', message: '(#130429) Rate limit hit' };
    for (const httpStatus of [400, 429, 403, 500]) expect(classifyFailure({ ...meta, httpStatus }).class).toBe('retry');
    expect(classifyFailure({ ...meta, code: 132001, httpStatus: 500 }).class).toBe('config');
  });

  it('retries 5xx/429 without a Graph body, and unknown codes only when Graph marks them transient', () => {
    expect(classifyFailure({ kind: 'http', httpStatus: 502 }).class).toBe('retry');
    expect(classifyFailure({ kind: 'http', httpStatus: 404 }).class).toBe('config');
    expect(classifyMetaCode(999_999).class).toBe('config');
    expect(classifyMetaCode(999_999, true).class).toBe('retry');
  });

  it('asks for at least 24 h before retrying 131049, and backs off 4^n seconds for retries', () => {
    expect(META_ERROR_TABLE[131049]?.waitMs).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect([0, 1, 2, 3].map(retryDelayMs)).toEqual([1000, 4000, 16000, 64000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
