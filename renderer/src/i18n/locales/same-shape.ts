/**
 * The English tree's type: every key of the pt-BR reference (no more, no fewer), each a string.
 * `const xEn: SameShape<typeof xPtBR>` makes a missing or extra English key a compile error.
 */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };
