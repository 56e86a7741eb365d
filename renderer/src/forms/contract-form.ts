import i18next, { type TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { toFieldIssues, type FieldIssue } from '../../../shared/contract';
import { formatMoney } from '../format/format';
import { CallError } from '../../../shared/contract/client';
import { textIn, textOfKey } from '../i18n/keys';

/** Issue keys whose `minimum`/`maximum` are amounts in minor units: shown as money, not as a bare count of centavos. */
const MONEY_KEYS = new Set(['validation.amountTooLarge', 'validation.amountNegative']);

/**
 * Translates one field issue with its parameters, numbers written the owner's way: "máximo
 * 1.000.000" (and "R$ 100.000.000,00" for an amount in centavos), never a raw `1000000`.
 */
export function translateIssue(issue: FieldIssue, t: TFunction, currency = 'BRL'): string {
  const language = i18next.language || 'pt-BR';
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue.params ?? {})) {
    // Plain numbers stay numbers: the translations format them (`{{maximum, number}}`).
    if (typeof value !== 'number' || !MONEY_KEYS.has(issue.key)) params[key] = value;
    else params[key] = formatMoney(value, currency, language);
  }
  return textOfKey(t, issue.key, params) ?? t('validation.custom');
}

/** Reads a dotted path (`carriers.2.name`) out of form values. */
function valueAt(values: unknown, path: string[]): unknown {
  let current = values;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Where an issue shows. A list of words (opt-out keywords, status slugs) is one field on screen
 * (TagsInput), so an issue on its item `optOutKeywords.3` shows at `optOutKeywords`, naming the
 * word; lists of rows show at the row's own field as they are.
 */
export function issueField(issue: FieldIssue, values: unknown, message: string): { field: string; message: string } {
  const segments = issue.path.split('.');
  const last = segments.at(-1);
  if (segments.length > 1 && last !== undefined && /^\d+$/.test(last)) {
    const item = valueAt(values, segments);
    if (Array.isArray(valueAt(values, segments.slice(0, -1))) && (typeof item === 'string' || typeof item === 'number')) {
      const shown = String(item).length > 30 ? `${String(item).slice(0, 30)}…` : String(item);
      return { field: segments.slice(0, -1).join('.'), message: `“${shown}”: ${message}` };
    }
  }
  return { field: issue.path, message };
}

/** Field errors keyed as the form's inputs read them, the first issue per field winning. */
export function fieldErrors(issues: readonly FieldIssue[], values: unknown, t: TFunction, currency?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const { field, message } = issueField(issue, values, translateIssue(issue, t, currency));
    errors[field] ??= message;
  }
  return errors;
}

/**
 * A Mantine form `validate` function from the same zod schema the contract uses, so the form and
 * the backend always agree on what is valid.
 */
export function validateWithSchema<Values>(schema: z.ZodType, t: TFunction, prepare: (values: Values) => unknown = (v) => v) {
  return (values: Values): Record<string, string> => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    return fieldErrors(toFieldIssues(result.error), values, t);
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

/**
 * Puts the backend's validation issues for a failed save at the form's fields (keeping the
 * errors already shown); does nothing for other failures, which the caller says in words.
 */
export function showServerErrors<Values>(form: { errors: Record<string, unknown>; setErrors(errors: Record<string, ReactNode>): void }, error: unknown, values: Values, t: TFunction, currency?: string): void {
  const issues = serverFieldIssues(error);
  if (issues.length > 0) form.setErrors({ ...(form.errors as Record<string, ReactNode>), ...fieldErrors(issues, values, t, currency) });
}

/** A sentence a shop owner understands, for any failed call. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof CallError) {
    if (error.error.code === 'unavailable' && error.error.message === 'network') return t('errors.network');
    // A handler may name a more precise message (`details.key`, e.g. `woo.test.wrong_keys`).
    const details = (error.error.details ?? {}) as { key?: unknown } & Record<string, unknown>;
    if (typeof details.key === 'string') {
      const specific = textOfKey(t, details.key, details);
      if (specific) return specific;
    }
    return textIn(t, 'errors', error.error.code) ?? t('errors.internal');
  }
  return t('errors.internal');
}
