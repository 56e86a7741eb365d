/**
 * Every contract call answers with one envelope; errors never cross a transport as thrown
 * exceptions. `code` is stable and is what the renderer translates; `message` is an English
 * fallback for logs and developers.
 */
export type ErrorCode =
  | 'validation'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'meta_error'
  | 'unauthorized'
  | 'internal';

export interface ContractError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** One field problem, as both the forms and the contract report it. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `maxDelaySeconds`. */
  path: string;
  /** i18n key, e.g. `validation.apiVersion`. */
  key: string;
  /** Values the translated message interpolates, e.g. `{ minimum: 60 }`. */
  params: Record<string, string | number>;
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return (value as { ok: unknown }).ok === true ? 'value' in value : 'error' in value;
}
