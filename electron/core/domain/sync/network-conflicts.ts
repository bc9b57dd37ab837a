import { AppError } from '../../contract/errors';
import type { ConflictSide } from '../../contract/types/network-types';
import type { DirectoryConflictView } from '../../contract/types/partner-types';
import { decodeHlc } from '../../platform/sync/hlc';
import { recordChange } from '../../platform/sync/change-recorder';
import { stampOf, type ServiceContext } from '../service-context';
import { parseHeads, sidesOf, type Head } from './conflict-heads';
import { keyWhere, rowsById } from './sync-rows';
import { SYNC_ENTITY } from './sync-registry';

/**
 * Conflicts in the partner directory: Koordination on two workstations changed the same field of a partner, a
 * contact person or a proposal without seeing each other's change. Sync keeps the later write everywhere (as for
 * client files) and the heads of both; Koordination sees the pair in the Partnernetz and keeps one, which settles
 * it on every workstation. No client file: these are the conflicts without one (sync_conflict.client_id NULL).
 */
const DIRECTORY_ENTITIES = ['partner', 'partner_contact', 'partner_proposal'];

interface ConflictRow {
  id: string;
  entity: string;
  entity_id: string;
  field: string;
  heads: string;
  detected_at: string;
}

const sides = (c: ConflictRow) => sidesOf(parseHeads(c.heads));

export async function listDirectoryConflicts(ctx: Pick<ServiceContext, 'tx'>): Promise<DirectoryConflictView[]> {
  const m = ctx.tx;
  const rows = (await m.query(
    `SELECT id, entity, entity_id, field, heads, detected_at FROM sync_conflict
     WHERE resolved_at IS NULL AND client_id IS NULL AND entity IN (${DIRECTORY_ENTITIES.map(() => '?').join(',')}) ORDER BY detected_at DESC, id LIMIT 200`,
    DIRECTORY_ENTITIES,
  )) as ConflictRow[];
  const actors = [...new Set(rows.flatMap((r) => parseHeads(r.heads).map((h) => h.actor)).filter((a): a is string => !!a))];
  const names = new Map<string, string>();
  if (actors.length) {
    const found = (await m.query(`SELECT id, display_name FROM account WHERE id IN (${actors.map(() => '?').join(',')})`, actors)) as { id: string; display_name: string }[];
    for (const a of found) names.set(a.id, a.display_name);
  }
  const out: DirectoryConflictView[] = [];
  for (const c of rows) {
    // The partner a conflict is about, by name: the partner itself, or the one of the contact person or proposal.
    const [p] = (await m.query(
      c.entity === 'partner'
        ? 'SELECT id, name FROM partner WHERE id = ?'
        : `SELECT p.id, p.name FROM ${c.entity} x LEFT JOIN partner p ON p.id = x.partner_id WHERE x.id = ?`,
      [c.entity_id],
    )) as { id: string | null; name: string | null }[];
    if (!p) continue;
    const side = (h: Head): ConflictSide => ({
      value: h.value === null || h.value === undefined ? null : String(h.value as string | number),
      actorName: h.actor ? (names.get(h.actor) ?? null) : null,
      at: new Date(decodeHlc(h.hlc).wall).toISOString(),
    });
    const { winner, other } = sides(c);
    out.push({ id: c.id, entity: c.entity, entityId: c.entity_id, partnerId: p.id, partnerName: p.name, field: c.field, winner: side(winner), other: side(other), detectedAt: c.detected_at });
  }
  return out;
}

/** Keeps one value of a directory conflict: written again on top of both, so every workstation settles it. */
export async function resolveDirectoryConflict(ctx: ServiceContext, input: { id: string; keep: 'winner' | 'other' }): Promise<DirectoryConflictView[]> {
  const m = ctx.tx;
  const [c] = (await m.query(
    `SELECT id, entity, entity_id, field, heads, detected_at FROM sync_conflict WHERE id = ? AND resolved_at IS NULL AND client_id IS NULL`,
    [input.id],
  )) as ConflictRow[];
  const spec = c && DIRECTORY_ENTITIES.includes(c.entity) ? SYNC_ENTITY.get(c.entity) : undefined;
  const f = spec && c ? spec.fields[c.field] : undefined;
  const [row] = spec && c ? await rowsById(m, spec, [c.entity_id]) : [];
  if (!c || !spec || !f || !row) throw new AppError('record.notFound', { entity: 'conflict' });
  const { winner, other } = sides(c);
  const value = (input.keep === 'winner' ? winner : other).value;
  const key = keyWhere(spec, c.entity_id);
  await m.query(`UPDATE ${spec.table} SET ${f.column} = ? WHERE ${key.where}`, [value, ...key.params]);
  // An edit form opened before this is stale now: the partner's version moves on, as with an edit.
  if (spec.entity === 'partner' && value !== row[f.column]) {
    await m.query('UPDATE partner SET version = version + 1, updated_at = ? WHERE id = ?', [ctx.now.toISOString(), c.entity_id]);
  }
  await recordChange(m, stampOf(ctx), { entity: spec.entity, entityId: c.entity_id, fields: [c.field] });
  await m.query(`UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?`, [
    ctx.now.toISOString(),
    ctx.user.id,
    input.keep === 'winner' ? 'confirmed' : 'corrected',
    c.id,
  ]);
  ctx.audit.entityIds.push(c.entity_id);
  ctx.audit.fields.push(`${c.entity}.${c.field}`);
  return listDirectoryConflicts(ctx);
}
