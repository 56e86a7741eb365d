import type { z } from 'zod';
import type { FieldIssue } from './envelope';

const PARAM_KEYS = ['minimum', 'maximum', 'expected', 'format'] as const;

/** Too long text and too many items read differently from a too big number ("até 60 caracteres"). */
function genericKey(issue: z.core.$ZodIssue): string {
  const origin = (issue as { origin?: unknown }).origin;
  if (issue.code === 'too_big' && origin === 'string') return 'validation.tooLong';
  if (issue.code === 'too_big' && origin === 'array') return 'validation.tooMany';
  return `validation.${issue.code}`;
}

/**
 * Turns zod issues into translatable field issues. Schemas give their own messages as i18n
 * keys (`validation.…`); anything else falls back to a generic key per zod issue code, so no
 * error ever reaches the user untranslated.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {};
    // Custom checks (refine) carry their own parameters, e.g. both ends of a range.
    const custom = (issue as { params?: Record<string, unknown> }).params ?? {};
    for (const [key, value] of Object.entries(custom)) {
      if (typeof value === 'number' || typeof value === 'string') params[key] = value;
    }
    for (const key of PARAM_KEYS) {
      const value: unknown = key in issue ? Reflect.get(issue, key) : undefined;
      if (typeof value === 'number' || typeof value === 'string') params[key] = value;
      if (typeof value === 'bigint') params[key] = Number(value);
    }
    const key = issue.message.startsWith('validation.') ? issue.message : genericKey(issue);
    return { path: issue.path.map(String).join('.'), key, params };
  });
}
