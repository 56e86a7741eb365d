import type { TFunction } from 'i18next';
import type { CsvProblem } from '../../../../shared/contract/methods/csv';
import { CSV_FIELDS, type CsvField } from '../../../../shared/domain/csv-fields';
import { describeError, serverFieldIssues } from '../../forms/contract-form';
import { textIn, textOfKey } from '../../i18n/keys';

const isField = (value: unknown): value is CsvField => typeof value === 'string' && (CSV_FIELDS as readonly string[]).includes(value);

/** A field in the owner's words ("Nº do pedido"), never its code ("number"). */
export function fieldWords(field: CsvField, t: TFunction): string {
  return t(`csv.fields.${field}`);
}

/** Params with any `field` code turned into words, for messages that name the field. */
function inWords(params: Record<string, string | number>, t: TFunction): Record<string, string | number> {
  return isField(params.field) ? { ...params, field: fieldWords(params.field, t) } : params;
}

/** One row problem as a sentence (a phone's reason comes from the phone's own wording). */
export function describeCsvProblem(problem: CsvProblem, t: TFunction): string {
  const params = { ...inWords(problem.params, t) };
  if (problem.key === 'csv.row.badPhone' && typeof problem.params.reason === 'string') {
    params.why = textIn(t, 'validation.phone', problem.params.reason) ?? t('validation.phone.invalid');
  }
  return textOfKey(t, problem.key, params) ?? t('csv.row.invalid');
}

/** Where the problem is: the file's column as the owner mapped it, with the field in words. */
export function describeCsvColumn(problem: CsvProblem, t: TFunction): string {
  if (!problem.field) return t('csv.wholeRow');
  const field = fieldWords(problem.field, t);
  return problem.column && problem.column !== field ? t('csv.columnOfField', { column: problem.column, field }) : field;
}

/**
 * Why a preview, check or import failed, as sentences to show where the owner looks: each
 * problem of the file or the mapping the core named (never the bare "see the messages under
 * each field" when there is no field to look under), or the general sentence for anything else.
 */
export function csvFailure(error: unknown, t: TFunction): { messages: string[]; byField: Partial<Record<CsvField, string>> } {
  const issues = serverFieldIssues(error);
  if (issues.length === 0) return { messages: [describeError(error, t)], byField: {} };
  const byField: Partial<Record<CsvField, string>> = {};
  const messages = issues.map((issue) => {
    const message = textOfKey(t, issue.key, inWords(issue.params, t)) ?? t('csv.row.invalid');
    const field = issue.path.startsWith('mapping.') ? issue.path.slice('mapping.'.length) : null;
    if (isField(field)) byField[field] ??= message;
    return message;
  });
  return { messages, byField };
}
