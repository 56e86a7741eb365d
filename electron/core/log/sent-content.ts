import { z } from 'zod';
import type { LogContent, LogTemplateComponent, LogTemplateParameter } from '../../../shared/contract/methods/log';
import type { NotificationRow } from '../db/schema';

/** The columns the dispatcher fills with the `sending` commit (queue-repository `markSending`). */
export type SentContentColumns = Pick<NotificationRow, 'contentKind' | 'templateName' | 'templateLanguage' | 'templateParamsJson' | 'textBody'>;

// Meta's send `components` as the dispatcher stored them (shared/domain/template-render.ts
// `SendComponent`). Loose: a row written by another version still shows what it can.
const parameterSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  parameter_name: z.string().optional(),
  payload: z.string().optional(),
  image: z.looseObject({ link: z.string() }).optional(),
  video: z.looseObject({ link: z.string() }).optional(),
  document: z.looseObject({ link: z.string(), filename: z.string().optional() }).optional(),
  currency: z.looseObject({ fallback_value: z.string() }).optional(),
  date_time: z.looseObject({ fallback_value: z.string() }).optional(),
});
const componentSchema = z.looseObject({
  type: z.string(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(parameterSchema).optional(),
});

function readableParameter(p: z.infer<typeof parameterSchema>, position: number): LogTemplateParameter {
  const name = p.parameter_name ?? String(position);
  if (p.type === 'text') return { name, kind: 'text', value: p.text ?? '' };
  if (p.type === 'image' && p.image) return { name, kind: 'image', value: p.image.link };
  if (p.type === 'video' && p.video) return { name, kind: 'video', value: p.video.link };
  if (p.type === 'document' && p.document) {
    return { name, kind: 'document', value: p.document.filename ? `${p.document.filename} (${p.document.link})` : p.document.link };
  }
  const value = p.payload ?? p.currency?.fallback_value ?? p.date_time?.fallback_value ?? p.text ?? '';
  return { name, kind: 'other', value };
}

/** The template's components with their parameters in a readable form; [] if the JSON is not what we wrote. */
export function readableComponents(json: string | null): LogTemplateComponent[] {
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  const parsed = z.array(componentSchema).safeParse(raw);
  if (!parsed.success) return [];
  const components: LogTemplateComponent[] = [];
  for (const c of parsed.data) {
    const type = c.type.toLowerCase();
    if (type !== 'header' && type !== 'body' && type !== 'button') continue;
    const index = type === 'button' && c.index !== undefined && Number.isInteger(Number(c.index)) ? Number(c.index) : null;
    components.push({ type, index, parameters: (c.parameters ?? []).map((p, i) => readableParameter(p, i + 1)) });
  }
  return components;
}

/** What a notification carried, from its columns; null when nothing was sent yet. */
export function sentContent(row: SentContentColumns): LogContent | null {
  if (row.contentKind === 'text' && row.textBody !== null) return { kind: 'text', body: row.textBody };
  if (row.contentKind === 'template' && row.templateName) {
    return { kind: 'template', name: row.templateName, language: row.templateLanguage ?? '', components: readableComponents(row.templateParamsJson) };
  }
  return null;
}
