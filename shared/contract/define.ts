import type { z } from 'zod';

/**
 * One contract method: the zod schema its input must pass, and the type of what it returns.
 * The output is a phantom type: handlers are checked against it at compile time, and the
 * renderer's client is typed by it, so neither side can drift from the other.
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  /** Never read at run time; carries the output type. */
  readonly output?: Output;
}

/** `method(schema).returns<Output>()` declares one contract method. */
export function method<Input extends z.ZodType>(input: Input) {
  return {
    returns<Output>(): MethodSpec<Input, Output> {
      return { input };
    },
  };
}

/** A feature's group of methods, keyed by dotted name (`log.query`, `blacklist.add`). */
export type MethodGroup = Record<string, MethodSpec<z.ZodType, unknown>>;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
  ? I
  : never;

/**
 * Joins records into one, refusing a key present in two of them: `<what> declared twice: <key>`
 * is thrown at start-up instead of a later record silently replacing an earlier one's entry.
 */
export function mergeDistinct<const Parts extends readonly object[]>(what: string, ...parts: Parts): UnionToIntersection<Parts[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`${what} declared twice: ${name}`);
      merged[name] = value;
    }
  }
  return merged as UnionToIntersection<Parts[number]>;
}

/** Joins feature groups into one contract; a name declared twice throws at start-up. */
export function mergeGroups<const Groups extends readonly MethodGroup[]>(...groups: Groups): UnionToIntersection<Groups[number]> {
  return mergeDistinct('Contract method', ...groups);
}
