import type { Page } from '@playwright/test';
import { DEFAULT_OPT_OUT_KEYWORDS } from '../../shared/domain/opt-out';
import { en } from '../../renderer/src/i18n/locales/en';
import { ptBR } from '../../renderer/src/i18n/locales/pt-BR';

/**
 * Words that look like codes but are what the owner reads anyway. Keep it short: a screen that
 * shows a code must show words instead (the code can go in a tooltip), not be listed here.
 */
const ALLOWED_CAPS = new Set([
  // Real acronyms and formats the owner meets outside Recado too.
  'API', 'CSV', 'URL', 'ID', 'IDs', 'PIN', 'HTTPS', 'HTTP', 'ERP', 'DDD', 'SMS', 'JSON', 'UTF', 'BOM', 'HMAC', 'SHA',
  // WooCommerce's own menu says "API REST" (Configurações → Avançado): the owner must find it by that name.
  'REST',
  // Currency codes as Intl and Meta write them.
  'BRL', 'USD', 'EUR',
  // Product names.
  'WhatsApp', 'WooCommerce', 'PIX',
  // Opt-out keywords are what the customer types (the owner edits the list), shown as typed.
  ...DEFAULT_OPT_OUT_KEYWORDS.flatMap((keyword) => keyword.split(' ')),
]);

function flatten(tree: object, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree) as [string, unknown][]) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) flatten(value, path, out);
  }
  return out;
}

/**
 * The English bundle's own words: each English value that differs from its pt-BR value, cut at
 * its placeholders, keeping the pieces with a real word in them and that no pt-BR value uses
 * (so "Webhook" or "Status", which Portuguese uses too, never count).
 */
export function englishOnlyFragments(): string[] {
  const pt = flatten(ptBR);
  const english = flatten(en);
  const ptTexts = [...pt.values()];
  const fragments = new Set<string>();
  for (const [key, value] of english) {
    if (pt.get(key) === value) continue;
    for (const piece of value.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|[()“”"«»:;·—–…\n]/)) {
      const fragment = piece.trim().replace(/[.,!?]+$/, '').trim();
      if (!/\p{L}{3}/u.test(fragment) || fragment.length < 4) continue;
      if (ptTexts.some((text) => text.includes(fragment))) continue;
      fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** Visible text of the page, one entry per text node (inputs' placeholders and read-only values too). */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // `translate="no"` marks what is shown verbatim on purpose: names the owner gave at Meta
    // (templates), Meta's ids, tokens, URLs — the HTML standard's "do not translate this".
    const skip = (el: Element) => el.closest('[translate="no"], script, style, noscript, [aria-hidden="true"]') !== null;
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || skip(parent) || !shown(parent)) continue;
      texts.push(text);
    }
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (skip(input) || !shown(input)) continue;
      if (input.placeholder) texts.push(input.placeholder);
      // A read-only input shows the app's words (a Select's chosen option), not what the owner typed.
      if (input.readOnly && input.value && input.type !== 'hidden') texts.push(input.value);
    }
    return texts;
  });
}

const LETTER = '\\p{L}\\p{N}';

/**
 * Problems in one screen's texts: English-only words and things that look like raw codes.
 * `verbatim`: names the owner gave at Meta (template names such as `pedido_enviado`), which
 * sentences quote as they are.
 */
export function languageProblems(texts: string[], englishFragments: string[], verbatim: readonly string[] = []): string[] {
  const problems: string[] = [];
  const joined = texts.join('\n');
  for (const fragment of englishFragments) {
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![${LETTER}])${escaped}(?![${LETTER}])`, 'u').exec(joined);
    if (match) problems.push(`English: "${fragment}" in "${lineAround(joined, match.index)}"`);
  }
  for (const text of texts) {
    // Addresses and API versions are shown as they must be typed.
    let words = text.replace(/\b(?:https?|wss?):\/\/\S+/g, ' ').replace(/\bv\d+\.\d+\b/g, ' ');
    for (const name of verbatim) words = words.replaceAll(name, ' ');
    for (const m of words.matchAll(/(?<![\p{L}\p{N}_.@/-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\p{L}\p{N}_])/gu)) problems.push(`snake_case code: "${m[0]}" in "${text}"`);
    for (const m of words.matchAll(/(?<![\p{L}\p{N}_])[A-Z][A-Z_]{2,}(?![\p{L}\p{N}_])/gu)) {
      if (!ALLOWED_CAPS.has(m[0])) problems.push(`ALL_CAPS code: "${m[0]}" in "${text}"`);
    }
    // i18next placeholders are names (`{{count}}`); Meta's template placeholders are numbers
    // (`{{1}}`), shown on purpose where the owner maps or previews a template.
    for (const m of words.matchAll(/\{\{(?!\s*\d+\s*\}\})|(?<!\{\{\s*\d+\s*)\}\}/g)) problems.push(`"${m[0]}" in "${text}"`);
    if (words.includes('[object')) problems.push(`"[object" in "${text}"`);
    for (const marker of ['undefined', 'NaN', 'Invalid Date', 'null']) {
      if (new RegExp(`(?<![${LETTER}])${marker}(?![${LETTER}])`, 'u').test(words)) problems.push(`"${marker}" in "${text}"`);
    }
    // A decimal point in Portuguese is a number that skipped Intl (pt-BR writes 0,75; 1.234 is a thousand).
    for (const m of words.matchAll(/(?<![\p{L}\p{N}.,])\d+\.(?!\d{3}(?![\p{N}]))\d+(?![\p{L}\p{N}.])/gu)) problems.push(`number not in pt-BR form: "${m[0]}" in "${text}"`);
  }
  return problems;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
}
