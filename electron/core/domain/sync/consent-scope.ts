import type { EntityManager } from 'typeorm';
import type { DataCategory } from '../../contract/data-categories';
import type { Office } from '../../contract/offices';
import type { FieldRule } from '../../contract/response-fields';

/** What another office may receive of one client file: the categories of consents in force that name it. */
export interface Scope {
  owner: boolean;
  categories: ReadonlySet<DataCategory>;
}

export const OWN_SCOPE: Scope = { owner: true, categories: new Set() };

export function allows(scope: Scope, rule: FieldRule): boolean {
  if (scope.owner || rule === 'always') return true;
  if (rule === 'owner') return false;
  return scope.categories.has(rule);
}

/** The categories that consents in force today grant `office`, per client (clients without any are absent). */
export async function grantedCategories(m: EntityManager, clientIds: readonly string[], office: Office, today: string): Promise<Map<string, Set<DataCategory>>> {
  const out = new Map<string, Set<DataCategory>>();
  for (let i = 0; i < clientIds.length; i += 500) {
    const part = clientIds.slice(i, i + 500);
    const rows = (await m.query(
      `SELECT g.client_id AS c, g.category AS cat FROM consent_grant g JOIN consent k ON k.id = g.consent_id
       WHERE g.party = ? AND g.client_id IN (${part.map(() => '?').join(',')})
         AND k.revoked_on IS NULL AND k.valid_from <= ? AND (k.valid_until IS NULL OR k.valid_until >= ?)`,
      [office, ...part, today, today],
    )) as { c: string; cat: DataCategory }[];
    for (const r of rows) {
      let set = out.get(r.c);
      if (!set) out.set(r.c, (set = new Set()));
      set.add(r.cat);
    }
  }
  return out;
}

/** The offices a consent names as parties (its `parties` column, a JSON list). */
export function consentParties(parties: unknown): Office[] {
  try {
    const list = JSON.parse(String(parties)) as unknown;
    return Array.isArray(list) ? (list.filter((p) => typeof p === 'string') as Office[]) : [];
  } catch {
    return [];
  }
}
