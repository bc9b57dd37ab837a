import type { EntityManager } from 'typeorm';
import type { SourceRow, SyncEntity } from './sync-registry';

/** Reads synced rows with their entity id (`_id`), client file (`_client`) and, where needed, life area (`_area`). */
export async function readRows(m: EntityManager, spec: SyncEntity, where: string, params: unknown[]): Promise<SourceRow[]> {
  const extra = `${spec.clientSql} AS _client${spec.areaSql ? `, ${spec.areaSql} AS _area` : ''}, ${spec.idSql} AS _id`;
  return (await m.query(`SELECT t.*, ${extra} FROM ${spec.table} t ${spec.joinSql ?? ''} WHERE ${where}`, params)) as SourceRow[];
}

/** Rows of `spec` by entity id. */
export async function rowsById(m: EntityManager, spec: SyncEntity, ids: readonly string[]): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    if (spec.keyColumns.length === 1) {
      out.push(...(await readRows(m, spec, `t.${spec.keyColumns[0]} IN (${part.map(() => '?').join(',')})`, part)));
    } else {
      // Composite keys (assessment: case/area): read by the first key part, keep the asked rows.
      const firsts = [...new Set(part.map((id) => id.split('/')[0]!))];
      const wanted = new Set(part);
      const rows = await readRows(m, spec, `t.${spec.keyColumns[0]} IN (${firsts.map(() => '?').join(',')})`, firsts);
      out.push(...rows.filter((r) => wanted.has(String(r['_id']))));
    }
  }
  return out;
}

export async function rowsOfClients(m: EntityManager, spec: SyncEntity, clients: readonly string[]): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for (let i = 0; i < clients.length; i += 500) {
    const part = clients.slice(i, i + 500);
    out.push(...(await readRows(m, spec, `${spec.clientSql} IN (${part.map(() => '?').join(',')})`, part)));
  }
  return out;
}

/** The WHERE clause that names one row by its entity id. */
export function keyWhere(spec: SyncEntity, id: string): { where: string; params: string[] } {
  const parts = spec.keyColumns.length === 1 ? [id] : id.split('/');
  return { where: spec.keyColumns.map((c) => `${c} = ?`).join(' AND '), params: parts };
}
