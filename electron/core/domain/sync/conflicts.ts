import type { EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import { DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import { berlinDate } from '../../contract/dates';
import type { FieldRule } from '../../contract/response-fields';
import type { ConflictSide, SyncConflictView } from '../../contract/types/network-types';
import { decodeHlc } from '../../platform/sync/hlc';
import { recordChange } from '../../platform/sync/change-recorder';
import { accessTo, type ClientDataContext } from '../access/call-access';
import { indexClientNames, nameKeys } from '../clients/client-search';
import { refreshClientCaseColumns, refreshCurrentStatus } from '../clients/client-service';
import { foldName } from '../clients/name-normalisation';
import { stampOf } from '../service-context';
import { placeOf, protectedCategory, SYNC_ENTITY, type SourceRow, type SyncEntity } from './sync-registry';
import { parseHeads, sidesOf, type Head } from './conflict-heads';
import { keyWhere, rowsById } from './sync-rows';

interface ConflictRow {
  id: string;
  entity: string;
  entity_id: string;
  field: string;
  client_id: string;
  heads: string;
  detected_at: string;
}

const sides = (c: ConflictRow) => sidesOf(parseHeads(c.heads));

/** The category a conflicting field belongs to (null: the office's own working data, e.g. follow-ups). */
function categoryOf(spec: SyncEntity, field: string, row: SourceRow): DataCategory | null {
  const f = spec.fields[field];
  if (!f) return null;
  const rule: FieldRule = f.rule === 'row' ? spec.rowRule(row) : f.rule;
  return (DATA_CATEGORIES as readonly string[]).includes(rule) ? (rule as DataCategory) : null;
}

const whenOf = (hlc: string) => new Date(decodeHlc(hlc).wall).toISOString();

/** A stored value as the conflict list shows it: protected fields decrypted for a session holding their key. */
function shown(ctx: ClientDataContext, spec: SyncEntity, c: ConflictRow, row: SourceRow, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const category = protectedCategory(spec.fields[c.field]!, row);
  if (category) return ctx.fields.decrypt(category, String(value), placeOf(spec.entity, c.entity_id, c.field));
  return String(value);
}

async function names(m: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = (await m.query(`SELECT id, display_name FROM account WHERE id IN (${list.map(() => '?').join(',')})`, list)) as { id: string; display_name: string }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Open conflicts the caller may settle: of files its office keeps and it may write, of fields of categories it sees
 * (a Verwaltung account does not see a conflict on a health goal), newest first. Conflicts in the partner directory
 * (no client file) are kept with their heads and settle on the same winner everywhere; this list does not show them.
 */
export async function listConflicts(ctx: ClientDataContext, clientId?: string): Promise<SyncConflictView[]> {
  const m = ctx.tx;
  const rows = (await m.query(
    `SELECT * FROM sync_conflict WHERE resolved_at IS NULL AND client_id IS NOT NULL ${clientId ? 'AND client_id = ?' : ''} ORDER BY detected_at DESC, id LIMIT 500`,
    clientId ? [clientId] : [],
  )) as ConflictRow[];
  const people = await names(m, rows.flatMap((r) => parseHeads(r.heads).map((h) => h.actor)));
  const out: SyncConflictView[] = [];
  for (const c of rows) {
    const spec = SYNC_ENTITY.get(c.entity);
    if (!spec) continue;
    const [row] = await rowsById(m, spec, [c.entity_id]);
    if (!row) continue;
    const access = await ctx.policy.forClient(c.client_id);
    const category = categoryOf(spec, c.field, row);
    if (!access?.owner || !access.canWrite || (category ? !access.categories.has(category) : access.categories.size === 0)) continue;
    const [client] = (await m.query('SELECT family_name, given_names FROM client WHERE id = ?', [c.client_id])) as { family_name: string; given_names: string }[];
    const side = (h: Head): ConflictSide => ({
      value: shown(ctx, spec, c, row, h.value),
      actorName: h.actor ? (people.get(h.actor) ?? null) : null,
      at: whenOf(h.hlc),
    });
    const { winner, other } = sides(c);
    out.push({
      id: c.id,
      clientId: c.client_id,
      clientName: client ? `${client.family_name}, ${client.given_names}` : '',
      entity: c.entity,
      entityId: c.entity_id,
      field: c.field,
      category,
      winner: side(winner),
      other: side(other),
      detectedAt: c.detected_at,
    });
  }
  return out;
}

/** The client file and category a conflict is about (the method guard checks the caller's access to them). */
export async function conflictTarget(m: EntityManager, id: string): Promise<{ clientId: string; category: DataCategory | null }> {
  const [c] = (await m.query('SELECT * FROM sync_conflict WHERE id = ?', [id])) as ConflictRow[];
  const spec = c ? SYNC_ENTITY.get(c.entity) : undefined;
  const [row] = c && spec ? await rowsById(m, spec, [c.entity_id]) : [];
  if (!c || !spec || !row) throw new AppError('record.notFound', { entity: 'conflict' });
  return { clientId: c.client_id, category: categoryOf(spec, c.field, row) };
}

/**
 * Settles a conflict by keeping one value: it is written again as a new change on top of the value in force, so
 * every workstation of the office takes it and closes the conflict there too (a write on top of either side
 * settles it). Returns the file's remaining open conflicts.
 */
export async function resolveConflict(ctx: ClientDataContext, input: { id: string; keep: 'winner' | 'other' }): Promise<SyncConflictView[]> {
  const m = ctx.tx;
  const [c] = (await m.query('SELECT * FROM sync_conflict WHERE id = ? AND resolved_at IS NULL', [input.id])) as ConflictRow[];
  if (!c) throw new AppError('record.notFound', { entity: 'conflict' });
  const spec = SYNC_ENTITY.get(c.entity)!;
  const f = spec.fields[c.field]!;
  const [row] = await rowsById(m, spec, [c.entity_id]);
  if (!row) throw new AppError('record.notFound', { entity: 'conflict' });
  await accessTo(ctx, c.client_id);
  const { winner, other } = sides(c);
  const value = (input.keep === 'winner' ? winner : other).value;
  const key = keyWhere(spec, c.entity_id);
  const changed = value !== row[f.column];
  await m.query(`UPDATE ${spec.table} SET ${f.column} = ? WHERE ${key.where}`, [value, ...key.params]);
  if (changed) await afterWrite(ctx, spec, c);
  await recordChange(m, stampOf(ctx), { entity: spec.entity, entityId: c.entity_id, fields: [c.field] });
  await m.query(`UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?`, [
    ctx.now.toISOString(),
    ctx.user.id,
    input.keep === 'winner' ? 'confirmed' : 'corrected',
    c.id,
  ]);
  ctx.audit.entityIds.push(c.client_id);
  ctx.audit.fields.push(`${c.entity}.${c.field}`);
  return listConflicts(ctx, c.client_id);
}

/** Keeps derived columns and versions in step after a value changed (as the services do on their writes). */
async function afterWrite(ctx: ClientDataContext, spec: SyncEntity, c: ConflictRow): Promise<void> {
  const m = ctx.tx;
  if (spec.entity === 'client' || spec.entity === 'case' || spec.entity === 'consent') {
    await m.query(`UPDATE ${spec.table} SET version = version + 1, updated_at = ? WHERE id = ?`, [ctx.now.toISOString(), c.entity_id]);
  }
  if (spec.entity === 'client') {
    const [r] = (await m.query('SELECT family_name, given_names, alternative_names FROM client WHERE id = ?', [c.entity_id])) as {
      family_name: string;
      given_names: string;
      alternative_names: string;
    }[];
    await m.query('UPDATE client SET sort_name = ? WHERE id = ?', [foldName(`${r!.family_name} ${r!.given_names}`), c.entity_id]);
    await indexClientNames(m, c.entity_id, nameKeys(r!.family_name, r!.given_names, JSON.parse(r!.alternative_names) as string[]));
  }
  if (spec.entity === 'residence_status') await refreshCurrentStatus(m, c.client_id, berlinDate(ctx.now));
  if (spec.entity === 'case') await refreshClientCaseColumns(m, c.client_id);
}
