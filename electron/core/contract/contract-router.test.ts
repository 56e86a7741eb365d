import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract';
import { createLogger, memorySink } from '../platform/logger';
import { tempCores } from '../testing/temp-cores';
import { AppError } from './app-error';
import { createContractRouter } from './contract-router';
import type { Handlers } from './handlers';

const cores = tempCores();

describe('contract router', () => {
  it('rejects unknown method names with an envelope, not an exception', async () => {
    const { core } = cores.open();
    await expect(core.invoke('fs.readFile', { path: '/etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    // Prototype names must not reach a handler either.
    await expect(core.invoke('constructor', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('validates input against the contract schema and reports field issues as i18n keys', async () => {
    const { core } = cores.open();
    const answer = await core.invoke('dispatch.saveSettings', {
      pollingIntervalSeconds: 30,
      minDelaySeconds: 40,
      maxDelaySeconds: 10,
      maxPerBatch: 10,
      lookbackDays: 7,
      enabled: true,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    const issues = (answer as { error: { details: { issues: { path: string; key: string }[] } } }).error.details.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'pollingIntervalSeconds', key: 'validation.range', params: { minimum: 60, maximum: 3600 } }),
      ]),
    );
    // Unknown extra fields are refused, not silently stored.
    await expect(core.invoke('credentials.get', { extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('has a working handler behind every contract method', async () => {
    const { core } = cores.open();
    for (const name of METHOD_NAMES) {
      const answer = await core.invoke(name, {});
      expect(answer.ok ? 'ok' : answer.error.code, name).not.toMatch(/unknown_method|internal/);
    }
  });

  it('passes AppErrors through and hides unexpected errors behind a generic message', async () => {
    const sink = memorySink();
    const logger = createLogger(sink);
    const handlers = {
      'app.info': () => {
        throw new AppError('not_found', 'No such thing', { id: 3 });
      },
      'credentials.get': () => {
        throw new Error('SQLITE_CORRUPT at /home/owner/secret/path');
      },
    } as unknown as Handlers;
    const route = createContractRouter(handlers, logger);
    await expect(route('app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such thing', details: { id: 3 } },
    });
    const hidden = await route('credentials.get', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('SQLITE_CORRUPT');
    expect(sink.lines.join('\n')).toContain('SQLITE_CORRUPT');
  });
});
