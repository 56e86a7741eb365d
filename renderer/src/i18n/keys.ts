import type { TFunction, TOptions } from 'i18next';
import { ptBR } from './locales/pt-BR';
import type { TranslationGroup, TranslationKey } from './typed-keys';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`)));
}

const KEYS: ReadonlySet<string> = new Set(leaves(ptBR).flatMap((key) => [key, key.replace(PLURAL_SUFFIX, '')]));

/** Whether a key that came from outside (the core, a stored row) is one the locales have. */
export function isTranslationKey(key: string): key is TranslationKey {
  return KEYS.has(key);
}

/**
 * The text of a whole key that came from outside the compiler's sight (an issue's or an error's
 * `key` sent by the core), with its params; undefined when the locales do not have it, so the
 * caller says what to show instead.
 */
export function textOfKey(t: TFunction, key: string, params?: TOptions): string | undefined {
  return isTranslationKey(key) ? t(key, params ?? {}) : undefined;
}

/**
 * The text of `<group>.<code>` for a code the compiler cannot check (Meta's enum value, a reason
 * stored in a row or sent by the core); undefined when Recado has no sentence for that code. The
 * group itself is checked.
 */
export function textIn(t: TFunction, group: TranslationGroup, code: string, params?: TOptions): string | undefined {
  return textOfKey(t, `${group}.${code}`, params);
}
