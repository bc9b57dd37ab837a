import type { EntityManager } from 'typeorm';
import { readSetting, SETTING_KEYS, writeSetting } from '../settings/settings-store';
import { ChangeEntryEntity } from './change-entity';
import { joinVectors, openHeadVectors, ownVector, readClocks, ROW, writeClock, writeTombstone } from './field-clock';
import { decodeHlc, encodeHlc, HLC_ZERO, tickHlc } from './hlc';

export interface ChangeInput {
  entity: string;
  entityId: string;
  fields: string[];
  operation?: 'upsert' | 'delete';
}

/** Who and where a change is made: this workstation, the time, the account. */
export interface ChangeStamp {
  deviceId: string;
  nowMs: number;
  actorId: string | null;
}

/** The next local clock value, persisted in the caller's transaction so a restart never hands out an older one. */
export async function nextLocalHlc(m: EntityManager, nowMs: number): Promise<string> {
  const last = await readSetting(m, SETTING_KEYS.hlc);
  const hlc = encodeHlc(tickHlc(last ? decodeHlc(last) : HLC_ZERO, nowMs));
  await writeSetting(m, SETTING_KEYS.hlc, hlc);
  return hlc;
}

/**
 * Records a change to domain data for sync, in the caller's transaction: a change-log entry (what the next sync
 * round sends) and the clocks of the written fields (what a merge compares). The first write of a row sets the
 * row's clock; a later write sets a clock per field with the version vector of what it followed; a delete leaves
 * a tombstone.
 */
export async function recordChange(m: EntityManager, stamp: ChangeStamp, change: ChangeInput): Promise<string> {
  const hlc = await nextLocalHlc(m, stamp.nowMs);
  const operation = change.operation ?? 'upsert';
  await m.insert(ChangeEntryEntity, {
    entity: change.entity,
    entityId: change.entityId,
    fields: JSON.stringify([...change.fields].sort()),
    hlc,
    deviceId: stamp.deviceId,
    operation,
  });
  const clock = { hlc, device: stamp.deviceId, actor: stamp.actorId };
  if (operation === 'delete') {
    await writeTombstone(m, change.entity, change.entityId, clock);
    return hlc;
  }
  const existing = (await readClocks(m, change.entity, [change.entityId])).get(change.entityId);
  const row = existing?.get(ROW);
  if (!row) {
    await writeClock(m, change.entity, change.entityId, { ...clock, field: ROW, vv: ownVector(clock), deleted: false });
    return hlc;
  }
  for (const field of new Set(change.fields)) {
    // The new write follows everything this workstation has seen of the field, conflicting writes included: it
    // settles a conflict here and, once received, on every workstation (sync does the same for received writes).
    const seen = [(existing?.get(field) ?? row).vv, ...(await openHeadVectors(m, change.entity, change.entityId, field))];
    await writeClock(m, change.entity, change.entityId, { ...clock, field, vv: joinVectors(...seen, ownVector(clock)), deleted: false });
    await m.query(
      `UPDATE sync_conflict SET resolved_at = ?, resolution = 'superseded' WHERE entity = ? AND entity_id = ? AND field = ? AND resolved_at IS NULL`,
      [new Date(stamp.nowMs).toISOString(), change.entity, change.entityId, field],
    );
  }
  return hlc;
}
