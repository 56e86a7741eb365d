import { mergeDistinct, type MethodGroup, type MethodName, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { appMethods } from '../../../shared/contract/methods/app';
import type { backupMethods } from '../../../shared/contract/methods/backup';

export type Handler<N extends MethodName> = (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;

/** One handler per contract method; the compiler refuses a missing or mistyped one. */
export type Handlers = { [N in MethodName]: Handler<N> };

/** The handlers one feature contributes. */
export type HandlersFor<N extends MethodName> = Pick<Handlers, N>;

/**
 * The method names of one contract group (`shared/contract/methods/<feature>.ts`), or of the
 * part of it under `prefix` when two features share a group: a method added to the group is
 * then a compile error in its feature's handlers until implemented, with no name retyped here.
 */
export type MethodsOf<G extends MethodGroup, Prefix extends string = string> = Extract<keyof G, `${Prefix}${string}`> & MethodName;

/** The handlers of a whole contract group (or its `prefix` part). */
export type GroupHandlers<G extends MethodGroup, Prefix extends string = string> = HandlersFor<MethodsOf<G, Prefix>>;

/** Methods served by the core itself rather than by one mode's session (backups, start-up notices). */
export type SharedMethod = MethodsOf<typeof backupMethods> | 'app.notices' | 'app.dismissNotice';

/** The app group's methods a session serves (the rest are SharedMethod). */
export type SessionAppMethod = Exclude<MethodsOf<typeof appMethods>, SharedMethod>;

/**
 * Joins the features' handlers into the one map `createContractRouter` serves. Two features answering
 * the same method throw at start-up ("Handler declared twice: <name>"); with object spreads the
 * later one silently won. Assign the result to `Handlers` so a missing method is a compile error.
 */
export function mergeHandlers<const Parts extends readonly Partial<Handlers>[]>(...parts: Parts) {
  return mergeDistinct('Handler', ...parts);
}
