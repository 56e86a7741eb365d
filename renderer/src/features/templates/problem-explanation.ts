import type { TemplateProblem } from '../../../../shared/domain/template-check';
import type { Translation } from '../../i18n/locales/pt-BR';

/** The sentences under `templates.problem`. */
type ProblemKey = keyof Translation['templates']['problem'];

/**
 * Our sentence for what Meta would answer to a template send. It reads Meta's own `details` text
 * (the dry run writes exactly what Meta writes, shared/domain/template-check.ts), so the same
 * sentence would explain the real refusal in the log. Unknown wording falls back to a sentence
 * per code.
 */
export interface ProblemExplanation {
  /** Translation key under `templates.problem`. */
  key: ProblemKey;
  params: Record<string, string>;
}

const PART = '(header|body|button)';

const PATTERNS: { code: number; pattern: RegExp; key: ProblemKey; names: string[] }[] = [
  { code: 132000, pattern: new RegExp(`^${PART}: number of localizable_params \\((\\d+)\\) does not match the expected number of params \\((\\d+)\\)`), key: 'count', names: ['part', 'sent', 'expected'] },
  { code: 132000, pattern: new RegExp(`^${PART}: parameter name \\((.*)\\) is not in the template`), key: 'unknownName', names: ['part', 'name'] },
  { code: 132000, pattern: new RegExp(`^${PART}: named parameters sent to a positional template`), key: 'namedToPositional', names: ['part'] },
  { code: 132012, pattern: new RegExp(`^${PART}: Format mismatch, expected (\\w+), received (\\w+)`), key: 'format', names: ['part', 'expected', 'received'] },
  { code: 132001, pattern: /^No template is mapped/, key: 'noTemplate', names: [] },
  { code: 132001, pattern: /^template name \((.*)\) does not exist in (.*)$/, key: 'notFound', names: ['name', 'language'] },
  { code: 132015, pattern: /^template name \((.*)\) is paused/, key: 'paused', names: ['name'] },
  { code: 132016, pattern: /^template name \((.*)\) is disabled/, key: 'disabled', names: ['name'] },
  { code: 131008, pattern: new RegExp(`\\(${PART}\\)\\.?$`), key: 'emptyValue', names: ['part'] },
];

export function explainProblem(problem: TemplateProblem): ProblemExplanation {
  for (const { code, pattern, key, names } of PATTERNS) {
    if (code !== problem.code) continue;
    const match = pattern.exec(problem.details);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = match[i + 1] ?? ''));
    return { key, params };
  }
  return { key: 'other', params: { code: String(problem.code) } };
}
