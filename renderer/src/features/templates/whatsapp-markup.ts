/**
 * WhatsApp's text formatting (`*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````) parsed into
 * a tree the bubble renders as React elements, so no text from a template or an order is ever
 * treated as HTML. Like WhatsApp, a marker only counts at a word edge and around non-blank text:
 * `pedido_numero_1` and `2 * 3 * 4` stay as written.
 */

export type MarkupStyle = 'bold' | 'italic' | 'strike' | 'mono';

export type MarkupNode = { kind: 'text'; text: string } | { kind: MarkupStyle; children: MarkupNode[] };

const MARKERS: Record<string, MarkupStyle> = { '*': 'bold', _: 'italic', '~': 'strike' };
const WORD = /[\p{L}\p{N}]/u;

const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);
const isBlank = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** Where the span opened at `start` closes (index of the closing marker), or -1. */
function closingIndex(text: string, start: number, marker: string): number {
  if (isWordChar(text[start - 1]) || isBlank(text[start + marker.length])) return -1;
  let from = start + marker.length + 1;
  while (from <= text.length) {
    const end = text.indexOf(marker, from);
    if (end === -1) return -1;
    // Bold, italic and strike never run across lines in WhatsApp; monospace may.
    if (marker !== '```' && text.slice(start, end).includes('\n')) return -1;
    if (!isBlank(text[end - 1]) && !isWordChar(text[end + marker.length])) return end;
    from = end + 1;
  }
  return -1;
}

export function parseWhatsAppMarkup(text: string): MarkupNode[] {
  const nodes: MarkupNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain) nodes.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('```', i)) {
      const end = closingIndex(text, i, '```');
      if (end !== -1) {
        flush();
        nodes.push({ kind: 'mono', children: [{ kind: 'text', text: text.slice(i + 3, end) }] });
        i = end + 3;
        continue;
      }
    }
    const ch = text[i]!;
    const style = MARKERS[ch];
    if (style) {
      const end = closingIndex(text, i, ch);
      if (end !== -1) {
        flush();
        nodes.push({ kind: style, children: parseWhatsAppMarkup(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
  return nodes;
}
