import type { Translation } from './locales/pt-BR';

/** Every leaf of a locale tree as its dotted key (`orders.columns.phone`). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every group (non-leaf) of a locale tree as its dotted path (`orders.columns`). */
type Groups<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${Prefix}${K}` | Groups<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type Leaf = Leaves<Translation>;
/** A counted text is asked for by its base key with a `count` (which finds `x_one` / `x_other`). */
type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : never;

/** Every key `t()` takes: each leaf of the pt-BR reference and the base key of each counted text. */
export type TranslationKey = Leaf | PluralBase<Leaf>;

/** Every group of keys (`metaValue.quality`), for a key whose last part is a code from outside. */
export type TranslationGroup = Groups<Translation>;

/** The reference flattened to its dotted keys: i18next types a flat dictionary far cheaper than a deep one. */
type FlatTranslation = { [K in Leaf]: string };

/**
 * i18next's typed keys: `t('…')` accepts only a key of the pt-BR reference, so a misspelt or
 * removed key fails `tsc`, with or without a `defaultValue` (`strictKeyChecks`). A key built from
 * a typed union (`t(\`events.items.${event}.label\`)` with `event: OrderEvent`) is checked for
 * every member; a key whose code comes from outside goes through `keys.ts` (`textIn`).
 *
 * The tree is given flat (`keySeparator: false` at the type level only: at run time `a.b.c` still
 * walks the nested objects, the same lookup) and values are plain strings without interpolation
 * parsing: only the key union is computed, once. The nested form with parsing made the renderer's
 * type check about ten times the work.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: FlatTranslation };
    keySeparator: false;
    strictKeyChecks: true;
    parseInterpolation: false;
    strictInterpolationChecks: false;
  }
}
