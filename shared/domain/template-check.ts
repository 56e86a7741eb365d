import type { RenderedTemplate, SendComponent } from './template-render';

/**
 * Checks a rendered template send against the template as Meta has it (synced from
 * `GET /{waba-id}/message_templates`) the way Meta's send endpoint refuses it
 * (Meta's docs: messages/send-messages and support/error-codes): 132001 unknown/not approved in that language, 132015
 * paused, 132016 disabled, 132000 parameter count per component (with Meta's details text),
 * 132012 header media format. Lets the Templates screen show the error before a send fails.
 */

/** A synced template, components in Meta's response form (`HEADER`, `BODY`, `BUTTONS`…). */
export interface KnownTemplate {
  name: string;
  language: string;
  status: string;
  /** `POSITIONAL` / `NAMED` (any case); null = positional. */
  parameterFormat: string | null;
  components: KnownComponent[];
}

export interface KnownComponent {
  type: string;
  format?: string;
  text?: string;
  buttons?: { type: string; url?: string; text?: string }[];
}

export interface TemplateProblem {
  code: 132000 | 132001 | 132012 | 132015 | 132016 | 131008;
  /** Meta's `error_data.details` for the same mistake. */
  details: string;
}

/** `{{1}}` / `{{first_name}}` placeholders of a text, in order of first appearance. */
export function templatePlaceholders(text: string | undefined): string[] {
  const found: string[] = [];
  for (const match of (text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (match[1] && !found.includes(match[1])) found.push(match[1]);
  }
  return found;
}

const mismatch = (label: string, given: number, expected: number): TemplateProblem => ({
  code: 132000,
  details: `${label}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
});

/** Finds the template a (name, language) pair selects: exact match only, as Meta does. */
export function findTemplate<T extends KnownTemplate>(templates: readonly T[], name: string, language: string): T | undefined {
  return templates.find((t) => t.name === name && t.language === language);
}

export function checkTemplateSend(rendered: RenderedTemplate, template: KnownTemplate | undefined): TemplateProblem[] {
  if (!rendered.name) return [{ code: 132001, details: 'No template is mapped to this event.' }];
  const status = template?.status.toUpperCase();
  if (status === 'PAUSED') return [{ code: 132015, details: `template name (${rendered.name}) is paused` }];
  if (status === 'DISABLED') return [{ code: 132016, details: `template name (${rendered.name}) is disabled` }];
  if (!template || status !== 'APPROVED') {
    return [{ code: 132001, details: `template name (${rendered.name}) does not exist in ${rendered.language}` }];
  }
  const problems: TemplateProblem[] = [];
  const named = (template.parameterFormat ?? 'POSITIONAL').toUpperCase() === 'NAMED';
  const sent = (type: SendComponent['type']) => rendered.components.filter((c) => c.type === type);
  const header = template.components.find((c) => c.type.toUpperCase() === 'HEADER');
  const body = template.components.find((c) => c.type.toUpperCase() === 'BODY');

  const headerFormat = (header?.format ?? 'TEXT').toUpperCase();
  const sentHeader = sent('header')[0];
  if (header && headerFormat !== 'TEXT') {
    const param = sentHeader?.parameters[0];
    const received = param ? param.type.toUpperCase() : 'UNKNOWN';
    if (received !== headerFormat) problems.push({ code: 132012, details: `header: Format mismatch, expected ${headerFormat}, received ${received}` });
  } else {
    problems.push(...checkText('header', header?.text, sentHeader, named));
  }
  problems.push(...checkText('body', body?.text, sent('body')[0], named));

  const buttons = template.components.find((c) => c.type.toUpperCase() === 'BUTTONS')?.buttons ?? [];
  const sentButtons = sent('button');
  buttons.forEach((button, index) => {
    const dynamic = button.type.toUpperCase() === 'URL' && templatePlaceholders(button.url).length > 0;
    const match = sentButtons.find((c) => c.index === String(index));
    const count = match?.parameters.length ?? 0;
    if (dynamic && (count !== 1 || match?.sub_type !== 'url')) problems.push(mismatch('button', count, 1));
    if (!dynamic && count > 0) problems.push(mismatch('button', count, 0));
  });
  for (const extra of sentButtons) {
    if (Number(extra.index) >= buttons.length) problems.push(mismatch('button', extra.parameters.length, 0));
  }
  return problems;
}

function checkText(label: 'header' | 'body', text: string | undefined, sent: SendComponent | undefined, named: boolean): TemplateProblem[] {
  const expected = templatePlaceholders(text);
  const params = sent?.parameters ?? [];
  if (params.length !== expected.length) return [mismatch(label, params.length, expected.length)];
  const problems: TemplateProblem[] = [];
  for (const param of params) {
    if (param.type !== 'text') {
      problems.push({ code: 132012, details: `${label}: Format mismatch, expected TEXT, received ${param.type.toUpperCase()}` });
      continue;
    }
    if (param.text === '') problems.push({ code: 131008, details: `Parameter of type text is missing a value (${label}).` });
    if (named && (!param.parameter_name || !expected.includes(param.parameter_name))) {
      problems.push({ code: 132000, details: `${label}: parameter name (${param.parameter_name ?? ''}) is not in the template` });
    }
  }
  // Positional templates number their placeholders 1..n; names sent to one are refused.
  if (!named && params.some((p) => p.type === 'text' && p.parameter_name !== undefined)) {
    problems.push({ code: 132000, details: `${label}: named parameters sent to a positional template` });
  }
  return problems;
}
