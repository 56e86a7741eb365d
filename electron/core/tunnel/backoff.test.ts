import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { stableSubdomain, SUBDOMAIN_PATTERN } from './subdomain';

describe('backoff', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };
  it('doubles per attempt within [half, full] of the ceiling, capped', () => {
    expect(backoffDelay(1, () => 0, options)).toBe(500);
    expect(backoffDelay(1, () => 0.999999, options)).toBe(1000);
    expect(backoffDelay(3, () => 0, options)).toBe(2000);
    expect(backoffDelay(3, () => 0.5, options)).toBe(3000);
    expect(backoffDelay(30, () => 0.999999, options)).toBe(60_000);
    expect(backoffDelay(30, () => 0, options)).toBe(30_000);
  });
});

describe('stable subdomain', () => {
  it('is the same for one install, different between installs, and valid for localtunnel', () => {
    const a = stableSubdomain('install-a');
    expect(stableSubdomain('install-a')).toBe(a);
    expect(stableSubdomain('install-b')).not.toBe(a);
    expect(a).toMatch(SUBDOMAIN_PATTERN);
    expect(a).toMatch(/^recado-[a-z0-9]+$/);
  });
});
