import type { EntityManager } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import type { FieldRule } from '../../contract/response-fields';
import { emptyValue, protectedCategory, SYNC_ENTITIES } from '../sync/sync-registry';
import { rowsOfClients } from '../sync/sync-rows';

const isCategory = (rule: FieldRule): rule is DataCategory => (DATA_CATEGORIES as readonly string[]).includes(rule);

/**
 * The data categories a client file holds data in, by the same rules sync uses to decide who may receive a row or
 * field (sync-registry.ts): a row counts under its row rule, a filled field under its own rule, and a field stored
 * under a category key (a closure summary, a conference's results) under that key's category. The office's own
 * working records (follow-ups, referrals) count under what they hold. A hand-over moves all of it, so the consent
 * must release each of these.
 */
export async function heldCategories(m: EntityManager, clientId: string): Promise<DataCategory[]> {
  const held = new Set<DataCategory>();
  for (const spec of SYNC_ENTITIES) {
    if (spec.network || spec.entity === 'file_handover') continue;
    for (const row of await rowsOfClients(m, spec, [clientId])) {
      const rowRule = spec.rowRule(row);
      if (isCategory(rowRule)) held.add(rowRule);
      for (const f of Object.values(spec.fields)) {
        const value = row[f.column];
        if (value === null || value === undefined || value === '' || value === emptyValue(f, '')) continue;
        const rule = f.rule === 'row' ? rowRule : f.rule;
        if (isCategory(rule)) held.add(rule);
        const key = protectedCategory(f, row);
        if (key) held.add(key);
      }
    }
  }
  return DATA_CATEGORIES.filter((c) => held.has(c));
}
