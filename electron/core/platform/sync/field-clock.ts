import type { EntityManager } from 'typeorm';

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

export interface StoredClock extends Clock {
  field: string;
  /** The write this one replaced, as `clockId` (null: the row's first write). */
  base: string | null;
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

interface ClockRow {
  entity_id: string;
  field: string;
  hlc: string;
  device: string;
  actor: string | null;
  base: string | null;
  deleted: number;
}

const toStored = (r: ClockRow): StoredClock => ({ field: r.field, hlc: r.hlc, device: r.device, actor: r.actor, base: r.base, deleted: r.deleted === 1 });

/** The clocks of many rows of one entity, by row id then field. */
export async function readClocks(m: EntityManager, entity: string, ids: readonly string[]): Promise<Map<string, Map<string, StoredClock>>> {
  const out = new Map<string, Map<string, StoredClock>>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = (await m.query(
      `SELECT entity_id, field, hlc, device, actor, base, deleted FROM sync_clock WHERE entity = ? AND entity_id IN (${part.map(() => '?').join(',')})`,
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

export async function writeClock(m: EntityManager, entity: string, entityId: string, c: StoredClock): Promise<void> {
  await m.query(
    `INSERT INTO sync_clock (entity, entity_id, field, hlc, device, actor, base, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, actor = excluded.actor,
       base = excluded.base, deleted = excluded.deleted`,
    [entity, entityId, c.field, c.hlc, c.device, c.actor, c.base, c.deleted ? 1 : 0],
  );
}

/** A row is gone: only its tombstone stays, so a late write to it is never applied again. */
export async function writeTombstone(m: EntityManager, entity: string, entityId: string, c: Clock): Promise<void> {
  await m.query(`DELETE FROM sync_clock WHERE entity = ? AND entity_id = ? AND field <> ?`, [entity, entityId, ROW]);
  await writeClock(m, entity, entityId, { ...c, field: ROW, base: null, deleted: true });
}
