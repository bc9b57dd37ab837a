import type { ClientSummary, SearchHit } from '../../contract/types/client-types';
import { AppError } from '../../contract/errors';
import type { ServiceContext } from '../service-context';
import type { AccessPolicy, ClientAccess } from './access-policy';
import { pickSearchHits, pickSummaries } from './redaction';

/** A call on client data: the caller's access rules, and the file the method's guard already resolved. */
export interface ClientDataContext extends ServiceContext {
  /** The access rules of this call's user, over the call's transaction. */
  policy: AccessPolicy;
  /** The caller's access to the client file the method's guard resolved (null for list and create methods). */
  clientAccess: ClientAccess | null;
}

/** The caller's access to one client: the one the guard resolved, or decided now (e.g. a client just created). */
export async function accessTo(ctx: ClientDataContext, clientId: string): Promise<ClientAccess> {
  if (ctx.clientAccess?.clientId === clientId) return ctx.clientAccess;
  const access = await ctx.policy.forClient(clientId);
  if (!access) throw new AppError('record.notFound', { entity: 'client' });
  return access;
}

/** List rows cut to what the caller may see; rows it may not see at all are dropped (a second line of defence). */
export async function shapeSummaries(ctx: ClientDataContext, rows: ClientSummary[]): Promise<ClientSummary[]> {
  return pickSummaries(rows, await ctx.policy.forClients(rows));
}

/** Search hits cut like list rows, keeping their score and matched names. */
export async function shapeHits(ctx: ClientDataContext, rows: SearchHit[]): Promise<SearchHit[]> {
  return pickSearchHits(rows, await ctx.policy.forClients(rows));
}
