import { SandboxGraphError } from './graph-errors';
import type { SandboxTemplate, TemplateComponent, WorldState } from './world';

/** A send's `template` object, loosely typed: validating it is this module's job. */
export interface TemplateSend {
  name?: unknown;
  language?: { code?: unknown; policy?: unknown };
  components?: unknown;
}

interface SendComponent {
  type?: string;
  sub_type?: string;
  index?: string | number;
  parameters?: SendParameter[];
}

interface SendParameter {
  type?: string;
  text?: string;
  parameter_name?: string;
  payload?: string;
  image?: unknown;
  document?: unknown;
  video?: unknown;
  [key: string]: unknown;
}

/** `{{1}}` or `{{first_name}}` placeholders of a text, in order of first appearance. */
export function placeholders(text: string | undefined): string[] {
  const found: string[] = [];
  for (const match of (text ?? '').matchAll(/\{\{\s*([\w]+)\s*\}\}/g)) {
    if (match[1] && !found.includes(match[1])) found.push(match[1]);
  }
  return found;
}

const mismatch = (component: string, given: number, expected: number) =>
  new SandboxGraphError(132000, {
    details: `${component}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
  });

/**
 * Finds the one template the (name, language) pair selects and checks the send's parameters
 * against it, answering Meta's codes: unknown / not approved → 132001, paused → 132015,
 * disabled → 132016, wrong count per component → 132000, wrong header media → 132012.
 */
export function validateTemplateSend(world: WorldState, wabaId: string, send: TemplateSend): { template: SandboxTemplate; rendered: string } {
  const name = typeof send.name === 'string' ? send.name : '';
  const language = typeof send.language?.code === 'string' ? send.language.code : '';
  if (!name) throw new SandboxGraphError(100, { details: 'Parameter name is required for template.' });
  if (!language) throw new SandboxGraphError(100, { details: 'Parameter language.code is required for template.' });
  const template = world.templates.find((t) => t.wabaId === wabaId && t.name === name && t.language === language);
  if (template?.status === 'PAUSED') throw new SandboxGraphError(132015);
  if (template?.status === 'DISABLED') throw new SandboxGraphError(132016);
  if (!template || template.status !== 'APPROVED') {
    throw new SandboxGraphError(132001, { details: `template name (${name}) does not exist in ${language}` });
  }
  const given = Array.isArray(send.components) ? (send.components as SendComponent[]) : [];
  const values = new Map<string, string>();
  const header = template.components.find((c) => c.type === 'HEADER');
  const body = template.components.find((c) => c.type === 'BODY');
  checkHeader(header, given.find((c) => c.type === 'header'), template, values, 'header');
  checkText(body, given.find((c) => c.type === 'body'), template, values, 'body');
  checkButtons(template.components.find((c) => c.type === 'BUTTONS'), given.filter((c) => c.type === 'button'));
  return { template, rendered: render(template, values) };
}

function checkHeader(
  header: TemplateComponent | undefined,
  sent: SendComponent | undefined,
  template: SandboxTemplate,
  values: Map<string, string>,
  label: string,
): void {
  const format = header?.format ?? 'TEXT';
  if (header && format !== 'TEXT') {
    const param = sent?.parameters?.[0];
    const received = param?.type ? param.type.toUpperCase() : 'UNKNOWN';
    if (received !== format || param?.[format.toLowerCase()] === undefined) {
      throw new SandboxGraphError(132012, { details: `header: Format mismatch, expected ${format}, received ${received}` });
    }
    return;
  }
  checkText(header, sent, template, values, label);
}

function checkText(
  component: TemplateComponent | undefined,
  sent: SendComponent | undefined,
  template: SandboxTemplate,
  values: Map<string, string>,
  label: string,
): void {
  const expected = placeholders(component?.text);
  const params = sent?.parameters ?? [];
  if (params.length !== expected.length) throw mismatch(label, params.length, expected.length);
  params.forEach((param, i) => {
    const value = paramText(param);
    if (value === undefined || value === '') {
      throw new SandboxGraphError(131008, { details: `Parameter of type ${param.type ?? 'unknown'} is missing a value (${label}).` });
    }
    if (template.parameterFormat === 'NAMED') {
      if (!param.parameter_name || !expected.includes(param.parameter_name)) {
        throw new SandboxGraphError(132000, { details: `${label}: parameter name (${param.parameter_name ?? ''}) is not in the template` });
      }
      values.set(param.parameter_name, value);
    } else {
      values.set(expected[i] ?? String(i + 1), value);
    }
  });
}

function paramText(param: SendParameter): string | undefined {
  if (param.type === 'text') return param.text;
  if (param.type === 'currency' || param.type === 'date_time') {
    const inner = param[param.type] as { fallback_value?: string } | undefined;
    return inner?.fallback_value;
  }
  return undefined;
}

function checkButtons(buttons: TemplateComponent | undefined, sent: SendComponent[]): void {
  (buttons?.buttons ?? []).forEach((button, index) => {
    if (button.type !== 'URL' || placeholders(button.url).length === 0) return;
    const match = sent.find((c) => String(c.index) === String(index));
    const count = match?.parameters?.length ?? 0;
    if (count !== 1 || match?.sub_type !== 'url') throw mismatch('button', count, 1);
  });
}

/** The message as the customer would see it, for the sent log. */
export function render(template: SandboxTemplate, values: Map<string, string>): string {
  const fill = (text = '') => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values.get(key) ?? `{{${key}}}`);
  return template.components
    .filter((c) => c.type !== 'BUTTONS' && (c.format ?? 'TEXT') === 'TEXT')
    .map((c) => fill(c.text))
    .join('\n\n');
}
