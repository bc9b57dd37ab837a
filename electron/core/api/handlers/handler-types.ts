import type { CallContext } from '../call-context';
import type { MethodName, OutputOf, ParsedInputOf } from '../../contract/methods';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: CallContext) => Promise<OutputOf<M>>;

/** Handlers for a subset of the contract; handlers.ts joins the subsets and the compiler checks completeness. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
