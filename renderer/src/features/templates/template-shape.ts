import type { TemplateSummary } from '../../../../shared/contract/methods/templates';
import { templatePlaceholders, type KnownComponent } from '../../../../shared/domain/template-check';
import { HEADER_MEDIA_FORMATS, type HeaderMediaFormat } from '../../../../shared/settings/templates';

/**
 * What a synced template asks for, read from Meta's components: the parameters of its header,
 * body and URL buttons, and the media of its header. The mapping editor builds its rows from this.
 */
export interface TemplateShape {
  named: boolean;
  header:
    | { kind: 'none' }
    | { kind: 'text'; text: string; params: string[] }
    | { kind: 'media'; format: HeaderMediaFormat }
    /** LOCATION and formats Recado cannot send: the template cannot be used from here. */
    | { kind: 'unsupported'; format: string };
  body: { text: string; params: string[] };
  footer: string | null;
  /** Every button, in Meta's order (`index` is what the send's `index` refers to). */
  buttons: { index: number; type: string; text: string; url: string | null; dynamic: boolean }[];
}

const upper = (value: string | undefined) => (value ?? '').toUpperCase();

function component(components: readonly KnownComponent[], type: string): KnownComponent | undefined {
  return components.find((c) => upper(c.type) === type);
}

export function templateShape(template: Pick<TemplateSummary, 'parameterFormat' | 'components'>): TemplateShape {
  const components = template.components ?? [];
  const header = component(components, 'HEADER');
  const format = upper(header?.format) || 'TEXT';
  const media = HEADER_MEDIA_FORMATS.find((f) => f.toUpperCase() === format);
  const body = component(components, 'BODY');
  const buttons = component(components, 'BUTTONS')?.buttons ?? [];
  return {
    named: upper(template.parameterFormat ?? 'POSITIONAL') === 'NAMED',
    header: !header
      ? { kind: 'none' }
      : format === 'TEXT'
        ? { kind: 'text', text: header.text ?? '', params: templatePlaceholders(header.text) }
        : media
          ? { kind: 'media', format: media }
          : { kind: 'unsupported', format },
    body: { text: body?.text ?? '', params: templatePlaceholders(body?.text) },
    footer: component(components, 'FOOTER')?.text ?? null,
    buttons: buttons.map((b, index) => ({
      index,
      type: upper(b.type),
      text: b.text ?? '',
      url: b.url ?? null,
      dynamic: upper(b.type) === 'URL' && templatePlaceholders(b.url).length > 0,
    })),
  };
}

/** Synced templates a (name, language) pair can select: Meta matches both exactly. */
export function findSynced(templates: readonly TemplateSummary[], name: string, language: string): TemplateSummary | undefined {
  return templates.find((t) => t.name === name && t.language === language);
}
