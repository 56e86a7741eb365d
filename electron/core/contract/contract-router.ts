import { z } from 'zod';
import { contract, isMethodName, toFieldIssues, type Envelope } from '../../../shared/contract';
import type { Logger } from '../platform/logger';
import { databaseBusyError, isDatabaseBusy } from '../db/database-busy';
import { AppError } from './app-error';
import type { Handlers } from './handlers';

export type ContractRouter = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry point every transport calls: looks the method up, validates the input with
 * the contract's schema, runs the handler and answers with an envelope. It never throws.
 */
export function createContractRouter(handlers: Handlers, logger: Logger): ContractRouter {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 80)}` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'validation', message: 'Invalid input', details: { issues: toFieldIssues(parsed.error) } },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      }
      if (error instanceof z.ZodError) {
        return { ok: false, error: { code: 'validation', message: 'Invalid input', details: { issues: toFieldIssues(error) } } };
      }
      if (isDatabaseBusy(error)) {
        // Another program held the database past busy_timeout: nothing was written; say so.
        logger.warn('database locked by another program', { method, error });
        const busy = databaseBusyError();
        return { ok: false, error: { code: busy.code, message: busy.message, details: busy.details } };
      }
      logger.error('handler failed', { method, error });
      return { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } };
    }
  };
}
