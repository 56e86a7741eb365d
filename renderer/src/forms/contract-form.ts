import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { toFieldIssues, type FieldIssue } from '../../../shared/contract';
import { CallError } from '../transport/client';

/** Translates one field issue with its parameters (ranges and such). */
export function translateIssue(issue: FieldIssue, t: TFunction): string {
  return t(issue.key, { ...issue.params, defaultValue: t('validation.custom') });
}

/**
 * A Mantine form `validate` function from the same zod schema the contract uses, so the form and
 * the backend always agree on what is valid.
 */
export function validateWithSchema<Values>(schema: z.ZodType, t: TFunction, prepare: (values: Values) => unknown = (v) => v) {
  return (values: Values): Record<string, string> => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of toFieldIssues(result.error)) errors[issue.path] ??= translateIssue(issue, t);
    return errors;
  };
}

/** Field issues the backend returned for a validation error, or none. */
export function serverFieldIssues(error: unknown): FieldIssue[] {
  if (error instanceof CallError && error.error.code === 'validation') {
    const details = error.error.details as { issues?: FieldIssue[] } | undefined;
    return details?.issues ?? [];
  }
  return [];
}

/** A sentence a shop owner understands, for any failed call. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof CallError) {
    if (error.error.code === 'unavailable' && error.error.message === 'network') return t('errors.network');
    // A handler may name a more precise message (`details.key`, e.g. `woo.test.wrong_keys`).
    const details = (error.error.details ?? {}) as { key?: unknown } & Record<string, unknown>;
    if (typeof details.key === 'string') {
      const specific = t(details.key, { ...details, defaultValue: '' });
      if (specific) return specific;
    }
    return t(`errors.${error.error.code}`, { defaultValue: t('errors.internal') });
  }
  return t('errors.internal');
}
