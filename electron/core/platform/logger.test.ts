import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from './logger';

describe('logger', () => {
  it('masks secret-looking fields and scrubs registered secrets from every line', () => {
    const sink = memorySink();
    const logger = createLogger(sink);
    logger.redact('EAAGsupersecret');
    logger.info('calling Graph with EAAGsupersecret', { accessToken: 'anything', phone: '+5511987654321' });
    expect(sink.lines[0]).not.toContain('EAAGsupersecret');
    expect(sink.lines[0]).not.toContain('anything');
    expect(sink.lines[0]).toContain('+5511987654321');
  });

  it('drops lines below the minimum level', () => {
    const sink = memorySink();
    createLogger(sink, 'warn').info('quiet');
    expect(sink.lines).toEqual([]);
  });
});
