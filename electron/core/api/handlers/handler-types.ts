import type { ContextFor, ReleasedContext, VaultLifecycleContext } from '../call-context';
import type { Contract, MethodName, OutputOf, ParsedInputOf } from '../../contract/methods';

/** A method's handler: its parsed input and the context its access level guarantees (a session is never null). */
export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: Contract[M] extends { releasesQueue?: true } ? ReleasedContext : Contract[M] extends { outsideTransaction?: true } ? VaultLifecycleContext : ContextFor<Contract[M]['access']>,
) => Promise<OutputOf<M>>;

/** Handlers for a subset of the contract; handlers/index.ts joins the subsets and the compiler checks completeness. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
