import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/contract';

export type Handler<N extends MethodName> = (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;

/** One handler per contract method; the compiler refuses a missing or mistyped one. */
export type Handlers = { [N in MethodName]: Handler<N> };

/** The handlers one feature contributes. */
export type HandlersFor<N extends MethodName> = Pick<Handlers, N>;
