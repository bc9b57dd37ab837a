import type { EntityManager } from 'typeorm';
import { recordChange } from '../../platform/sync/change-recorder';
import { deleteEncryptedDocument } from '../documents/document-store';
import { stampOf, type ServiceContext } from '../service-context';
import { SYNC_ENTITIES, type SourceRow, type SyncEntity } from '../sync/sync-registry';
import { keyWhere, readRows, rowsOfClients } from '../sync/sync-rows';

/** What a household entry of another person shows once the person it named is erased. */
export const ERASED_HOUSEHOLD_NAME = '—';

export interface ErasureCounts {
  rows: number;
  files: number;
  anonymised: number;
}

/**
 * Erases one person's file from this vault (Art. 17): every synced row of the file, children before parents,
 * each recorded as a delete in the change log so that every office holding a copy removes it (a tombstone carries
 * ids only); the rows sync derives or never sends (name index, phase history, consent grants, the restriction
 * mark, clocks, conflicts, parked changes, drafts of the file's forms); and, once the transaction has committed,
 * the encrypted document files (their keys go with the rows). Household entries of other files that name the person
 * are anonymised. secure_delete (platform/vault/sqlcipher.ts) overwrites the freed cells and pages; the caller
 * folds the WAL away after the commit.
 */
export async function erasePerson(ctx: ServiceContext, clientId: string): Promise<ErasureCounts> {
  const m = ctx.tx;
  const counts: ErasureCounts = { rows: 0, files: 0, anonymised: 0 };
  const [person] = (await m.query('SELECT family_name, given_names FROM client WHERE id = ?', [clientId])) as { family_name: string; given_names: string }[];
  const caseIds = ((await m.query('SELECT id FROM kim_case WHERE client_id = ?', [clientId])) as { id: string }[]).map((r) => r.id);
  const rowIds: string[] = [];
  for (const spec of [...SYNC_ENTITIES].filter((e) => !e.network).sort((a, b) => b.order - a.order)) {
    for (const row of await rowsOfFile(m, spec, clientId, caseIds)) {
      const id = String(row['_id']);
      rowIds.push(id);
      if (spec.entity === 'document') {
        const fileId = String(row['file_id']);
        ctx.afterCommit(() => deleteEncryptedDocument(ctx.dataDir, fileId));
        counts.files++;
      }
      await m.query('DELETE FROM sync_conflict WHERE entity = ? AND entity_id = ?', [spec.entity, id]);
      await m.query('DELETE FROM sync_parked WHERE entity = ? AND entity_id = ?', [spec.entity, id]);
      const key = keyWhere(spec, id);
      if (spec.entity === 'case') await m.query('DELETE FROM case_phase_event WHERE case_id = ?', [id]);
      if (spec.entity === 'consent') await m.query('DELETE FROM consent_grant WHERE consent_id = ?', [id]);
      if (spec.entity === 'client') await forgetDerived(m, clientId);
      await m.query(`DELETE FROM ${spec.table} WHERE ${key.where}`, key.params);
      // The tombstone replaces the row's field clocks (who wrote what when) with one deleted clock.
      await recordChange(m, stampOf(ctx), { entity: spec.entity, entityId: id, fields: [], operation: 'delete' });
      counts.rows++;
    }
  }
  await forgetWaiting(m, clientId, caseIds, rowIds);
  if (person) counts.anonymised = await anonymiseHouseholdMentions(ctx, clientId, person);
  return counts;
}

/**
 * The rows of one entity in the file. Rows under a case are read by their case (an index every such table has);
 * their client_id column has none, and the notes of a 50,000-client vault are too many to scan for one person.
 */
async function rowsOfFile(m: EntityManager, spec: SyncEntity, clientId: string, caseIds: readonly string[]): Promise<SourceRow[]> {
  // A document may hang on the client without a case (and has a client index): it is read by client.
  const caseColumn = spec.parent?.entity === 'case' && spec.entity !== 'document' ? spec.fields[spec.parent.field]?.column : undefined;
  if (!caseColumn) return rowsOfClients(m, spec, [clientId]);
  const out: SourceRow[] = [];
  for (let i = 0; i < caseIds.length; i += 400) {
    const part = caseIds.slice(i, i + 400);
    out.push(...(await readRows(m, spec, `t.${caseColumn} IN (${part.map(() => '?').join(',')})`, part)));
  }
  return out;
}

/** Rows kept beside the file that sync derives or never sends. */
async function forgetDerived(m: EntityManager, clientId: string): Promise<void> {
  await m.query('DELETE FROM client_name_key WHERE client_id = ?', [clientId]);
  await m.query('DELETE FROM consent_grant WHERE client_id = ?', [clientId]);
  await m.query('DELETE FROM sync_conflict WHERE client_id = ?', [clientId]);
}

/** Changes parked for a parent of the file, and unsaved forms (drafts) of the file or its cases. */
async function forgetWaiting(m: EntityManager, clientId: string, caseIds: readonly string[], rowIds: readonly string[]): Promise<void> {
  const ids = [clientId, ...rowIds];
  for (let i = 0; i < ids.length; i += 400) {
    const part = ids.slice(i, i + 400);
    const marks = part.map(() => '?').join(',');
    await m.query(`DELETE FROM sync_parked WHERE parent_id IN (${marks}) OR entity_id IN (${marks})`, [...part, ...part]);
  }
  // A parked change of a file this vault never held in full names the client inside its payload.
  await m.query('DELETE FROM sync_parked WHERE instr(change, ?) > 0', [clientId]);
  for (const id of [clientId, ...caseIds]) await m.query('DELETE FROM draft WHERE instr(form_id, ?) > 0', [id]);
}

/**
 * Household entries of other files that name the person (the name as written, either order): the entry stays (the
 * other person's household is theirs), the name is replaced, and the change travels like any edit.
 */
async function anonymiseHouseholdMentions(ctx: ServiceContext, clientId: string, person: { family_name: string; given_names: string }): Promise<number> {
  const m = ctx.tx;
  const forms = [`${person.given_names} ${person.family_name}`, `${person.family_name}, ${person.given_names}`, `${person.family_name} ${person.given_names}`].map((f) =>
    f.trim().toLocaleLowerCase('de-DE'),
  );
  const candidates = (await m.query('SELECT id, name FROM household_member WHERE client_id <> ? AND instr(name, ?) > 0', [clientId, person.family_name.trim()])) as {
    id: string;
    name: string;
  }[];
  let count = 0;
  for (const c of candidates) {
    if (!forms.includes(c.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE'))) continue;
    await m.query('UPDATE household_member SET name = ? WHERE id = ?', [ERASED_HOUSEHOLD_NAME, c.id]);
    await recordChange(m, stampOf(ctx), { entity: 'household_member', entityId: c.id, fields: ['name'] });
    count++;
  }
  return count;
}
