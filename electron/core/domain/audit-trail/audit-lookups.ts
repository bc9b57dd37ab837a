import { searchClients } from '../clients/client-search';
import { berlinDate } from '../../contract/dates';
import { AccountEntity } from '../users/account-entity';
import type { AuditSubject } from '../../contract/types/audit-types';
import type { AuditUserOption } from '../../contract/types/audit-types';
import type { ServiceContext } from '../service-context';

/**
 * Finds data subjects by name or birth date (the client search, with its transliteration tolerance) and returns
 * only id, name and birth date. Each person shown is audited by id, so the trail also says whom the data
 * protection officer looked up.
 */
export async function findAuditSubjects(ctx: ServiceContext, input: { query: string; limit: number }): Promise<AuditSubject[]> {
  const { tx } = ctx;
  const hits = await searchClients(tx, input.query, input.limit, berlinDate(ctx.now));
  ctx.audit.entityIds.push(...hits.map((h) => h.id));
  ctx.audit.fields.push('displayName', 'birthDate');
  return hits.map((h) => ({ id: h.id, displayName: `${h.familyName}, ${h.givenNames}`, birthDate: h.birthDate }));
}

/** All accounts of the workstation (also disabled ones: they still appear in the trail), by name. */
export async function listAuditUsers(ctx: ServiceContext): Promise<AuditUserOption[]> {
  const { tx } = ctx;
  const accounts = await tx.find(AccountEntity, { order: { displayName: 'ASC', login: 'ASC' } });
  return accounts.map((a) => ({ id: a.id, login: a.login, displayName: a.displayName, role: a.role, active: a.active }));
}
