import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { compareClocks, type Clock, type VersionVector } from '../../platform/sync/field-clock';

/**
 * A write of a field that no other known write covers: a field normally has one, and one more for each write made
 * without seeing the others (a conflict). Values as the column stores them (a protected field stays encrypted).
 */
export interface Head extends Clock {
  value: unknown;
  vv: VersionVector;
}

/** The conflict of a field has the same id on every workstation. */
export function conflictId(entity: string, id: string, field: string): string {
  return createHash('sha256').update(`${entity}\n${id}\n${field}`).digest('hex').slice(0, 32);
}

/** The write in force: the latest by clock (the same on every workstation). */
export function winnerOf<T extends Clock>(heads: readonly T[]): T {
  return heads.reduce((a, b) => (compareClocks(a, b) >= 0 ? a : b));
}

export function parseHeads(text: string): Head[] {
  return JSON.parse(text) as Head[];
}

/** Open conflicts of rows of one entity: row id → field → heads. */
export async function openConflicts(m: EntityManager, entity: string, ids: readonly string[]): Promise<Map<string, Map<string, Head[]>>> {
  const out = new Map<string, Map<string, Head[]>>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = (await m.query(
      `SELECT entity_id, field, heads FROM sync_conflict WHERE entity = ? AND resolved_at IS NULL AND entity_id IN (${part.map(() => '?').join(',')})`,
      [entity, ...part],
    )) as { entity_id: string; field: string; heads: string }[];
    for (const r of rows) {
      let fields = out.get(r.entity_id);
      if (!fields) out.set(r.entity_id, (fields = new Map()));
      fields.set(r.field, parseHeads(r.heads));
    }
  }
  return out;
}

/** The value in force and the latest of the others (a third concurrent write is rare; it shows once these settle). */
export function sidesOf(heads: readonly Head[]): { winner: Head; other: Head } {
  const winner = winnerOf([...heads]);
  return { winner, other: winnerOf(heads.filter((h) => h !== winner)) };
}
