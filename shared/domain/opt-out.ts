/**
 * Opt-out replies ("PARAR", "Não quero", …): a customer message that is exactly one of the
 * keywords, ignoring case, accents, surrounding spaces and end punctuation, asks Recado to stop.
 * Whole-message match on purpose: "não quero cancelar o pedido" is not an opt-out.
 */
/** The blacklist reason written for an opt-out reply (stored as is; screens show it in the owner's language). */
export const OPT_OUT_REASON = 'customer opted out';

export const DEFAULT_OPT_OUT_KEYWORDS = ['PARAR', 'SAIR', 'STOP', 'CANCELAR', 'DESCADASTRAR', 'NÃO QUERO'] as const;

/** Upper case, no accents, inner spaces collapsed, outer spaces and trailing punctuation dropped. */
export function normalizeOptOutText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!?,;:]+$/u, '')
    .replace(/^[\s¡¿]+/u, '');
}

/** True when the whole message is one of the keywords (compared normalized). */
export function isOptOutMessage(text: string, keywords: readonly string[]): boolean {
  const normalized = normalizeOptOutText(text);
  if (normalized === '') return false;
  return keywords.some((keyword) => normalizeOptOutText(keyword) === normalized);
}
