import type { TemplatePreview } from '../../../../shared/contract/methods/templates';
import type { HeaderMediaFormat } from '../../../../shared/settings/templates';
import type { TemplateShape } from './template-shape';

/** What the WhatsApp bubble shows, already filled in. */
export interface BubbleContent {
  header: { kind: 'text'; text: string } | { kind: 'media'; format: HeaderMediaFormat | string; link: string | null } | null;
  body: string;
  footer: string | null;
  buttons: { type: string; text: string }[];
}

/** Replaces `{{key}}` with its value; a placeholder without a value stays visible, as a hint. */
function fill(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values.get(key) ?? whole);
}

function valuesOf(preview: TemplatePreview, component: 'header' | 'body'): Map<string, string> {
  return new Map(preview.params.filter((p) => p.component === component).map((p) => [p.name, p.value]));
}

/**
 * The bubble for a rendered mapping: the synced template's own header, body, footer and buttons
 * with the rendered values, as the customer's WhatsApp draws it. Without a synced template, the
 * mapping's preview text (what the plain-text message would say).
 */
export function bubbleContent(preview: TemplatePreview, shape: TemplateShape | null): BubbleContent {
  if (!shape) return { header: null, body: preview.text, footer: null, buttons: [] };
  const { header } = shape;
  const mediaLink = preview.params.find((p) => p.component === 'header' && header.kind === 'media' && p.name === header.format)?.value ?? null;
  return {
    header:
      header.kind === 'text'
        ? { kind: 'text', text: fill(header.text, valuesOf(preview, 'header')) }
        : header.kind === 'media'
          ? { kind: 'media', format: header.format, link: mediaLink }
          : header.kind === 'unsupported'
            ? { kind: 'media', format: header.format.toLowerCase(), link: null }
            : null,
    body: fill(shape.body.text, valuesOf(preview, 'body')),
    footer: shape.footer,
    buttons: shape.buttons.map((b) => ({ type: b.type, text: b.text })),
  };
}
