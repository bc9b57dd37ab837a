import type { ClientSummary } from '../../contract/types/client-types';
import { AppError } from '../../contract/errors';
import type { CallContext } from '../../api/call-context';
import type { AccessPolicy, ClientAccess } from './access-policy';
import { shapeSummary } from './redaction';

export function policyOf(ctx: CallContext): AccessPolicy {
  if (!ctx.policy) throw new Error('client data needs an access policy (dispatcher bug)');
  return ctx.policy;
}

/** The caller's access to one client: the one the guard resolved, or decided now (e.g. a client just created). */
export async function accessTo(ctx: CallContext, clientId: string): Promise<ClientAccess> {
  if (ctx.clientAccess?.clientId === clientId) return ctx.clientAccess;
  const access = await policyOf(ctx).forClient(clientId);
  if (!access) throw new AppError('record.notFound', { entity: 'client' });
  return access;
}

/** List rows cut to what the caller may see; rows it may not see at all are dropped (a second line of defence). */
export async function shapeSummaries<T extends ClientSummary>(ctx: CallContext, rows: T[]): Promise<T[]> {
  const accesses = await policyOf(ctx).forClients(rows);
  return rows.flatMap((r) => {
    const a = accesses.get(r.id)!;
    return a.categories.size ? [shapeSummary(r, a)] : [];
  });
}
