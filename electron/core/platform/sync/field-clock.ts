import type { EntityManager } from 'typeorm';
import { preparedStatements } from '../vault/prepared-statements';

/**
 * The clock of a write: hybrid logical time, then device id, a total order that every workstation agrees on (see
 * hlc.ts), and the account that wrote (shown in the conflict list). `ROW` is the row's own clock: its creation, or
 * its tombstone. A field without a clock of its own was last written when the row was created.
 */
export interface Clock {
  hlc: string;
  device: string;
  actor: string | null;
}

/**
 * What a write had seen of the field: per device, the newest of its writes to the field that this one follows (its
 * own included). Write a follows write b exactly when a's vector covers b's; when neither covers the other, the two
 * were written without seeing each other (a conflict). Vectors stay small: one entry per workstation of an office
 * that ever wrote the field.
 */
export type VersionVector = Record<string, string>;

export interface StoredClock extends Clock {
  field: string;
  vv: VersionVector;
  deleted: boolean;
}

export const ROW = '*';

/** A write's identity: equal for the same write on every workstation. */
export function clockId(c: Pick<Clock, 'hlc' | 'device'>): string {
  return `${c.hlc}@${c.device}`;
}

export function compareClocks(a: Pick<Clock, 'hlc' | 'device'>, b: Pick<Clock, 'hlc' | 'device'>): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** The vector of a write that followed nothing but itself (a row's creation, a field of a row without clocks). */
export const ownVector = (c: Pick<Clock, 'hlc' | 'device'>): VersionVector => ({ [c.device]: c.hlc });

/** Whether `a` has seen everything `b` has (a follows b, or they are the same write). */
export function covers(a: VersionVector, b: VersionVector): boolean {
  for (const [device, hlc] of Object.entries(b)) {
    const mine = a[device];
    if (mine === undefined || mine < hlc) return false;
  }
  return true;
}

export function joinVectors(...vectors: VersionVector[]): VersionVector {
  const out: VersionVector = {};
  for (const v of vectors) for (const [device, hlc] of Object.entries(v)) if (!out[device] || out[device] < hlc) out[device] = hlc;
  return out;
}

interface ClockRow {
  entity_id: string;
  field: string;
  hlc: string;
  device: string;
  actor: string | null;
  vv: string | null;
  deleted: number;
}

const toStored = (r: ClockRow): StoredClock => ({
  field: r.field,
  hlc: r.hlc,
  device: r.device,
  actor: r.actor,
  vv: r.vv ? (JSON.parse(r.vv) as VersionVector) : ownVector(r),
  deleted: r.deleted === 1,
});

/** The clocks of many rows of one entity, by row id then field. */
export async function readClocks(m: EntityManager, entity: string, ids: readonly string[]): Promise<Map<string, Map<string, StoredClock>>> {
  const out = new Map<string, Map<string, StoredClock>>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = (await m.query(
      `SELECT entity_id, field, hlc, device, actor, vv, deleted FROM sync_clock WHERE entity = ? AND entity_id IN (${part.map(() => '?').join(',')})`,
      [entity, ...part],
    )) as ClockRow[];
    for (const r of rows) {
      let fields = out.get(r.entity_id);
      if (!fields) out.set(r.entity_id, (fields = new Map()));
      fields.set(r.field, toStored(r));
    }
  }
  return out;
}

const WRITE_CLOCK = `INSERT INTO sync_clock (entity, entity_id, field, hlc, device, actor, vv, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, actor = excluded.actor,
    vv = excluded.vv, deleted = excluded.deleted`;

export async function writeClock(m: EntityManager, entity: string, entityId: string, c: StoredClock): Promise<void> {
  // A vector that says no more than "this write itself" is implied: not stored (most rows are written once).
  const vv = Object.keys(c.vv).length === 1 && c.vv[c.device] === c.hlc ? null : JSON.stringify(c.vv);
  // Prepared once: a received row writes one clock or more (sync applies millions for a new workstation).
  preparedStatements(m).run(WRITE_CLOCK, [entity, entityId, c.field, c.hlc, c.device, c.actor, vv, c.deleted ? 1 : 0]);
}

/** A row is gone: only its tombstone stays, so a late write to it is never applied again. */
export async function writeTombstone(m: EntityManager, entity: string, entityId: string, c: Clock): Promise<void> {
  await m.query(`DELETE FROM sync_clock WHERE entity = ? AND entity_id = ? AND field <> ?`, [entity, entityId, ROW]);
  await writeClock(m, entity, entityId, { ...c, field: ROW, vv: ownVector(c), deleted: true });
}

/** The vectors of a field's other open heads (concurrent writes in the conflict list), to be covered by a new write. */
export async function openHeadVectors(m: EntityManager, entity: string, entityId: string, field: string): Promise<VersionVector[]> {
  const rows = (await m.query(`SELECT heads FROM sync_conflict WHERE entity = ? AND entity_id = ? AND field = ? AND resolved_at IS NULL`, [
    entity,
    entityId,
    field,
  ])) as { heads: string }[];
  return rows.flatMap((r) => (JSON.parse(r.heads) as { vv: VersionVector }[]).map((h) => h.vv));
}
