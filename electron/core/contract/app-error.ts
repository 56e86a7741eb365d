import type { ErrorCode } from '../../../shared/contract';

/**
 * The one error type handlers throw on purpose. The dispatcher turns it into an error envelope
 * as is; anything else becomes `internal`, logged but never shown raw to the renderer.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
