import type { EntityManager } from 'typeorm';
import { readSetting, SETTING_KEYS, writeSetting } from '../settings/settings-store';
import { ChangeEntryEntity } from './change-entity';
import { decodeHlc, encodeHlc, HLC_ZERO, tickHlc } from './hlc';

export interface ChangeInput {
  entity: string;
  entityId: string;
  fields: string[];
  operation?: 'upsert' | 'delete';
}

/**
 * Records a change to domain data for sync, in the caller's transaction. The clock state is persisted in the same
 * transaction, so a restart never hands out an older timestamp.
 */
export async function recordChange(m: EntityManager, deviceId: string, nowMs: number, change: ChangeInput): Promise<string> {
  const last = await readSetting(m, SETTING_KEYS.hlc);
  const next = tickHlc(last ? decodeHlc(last) : HLC_ZERO, nowMs);
  const hlc = encodeHlc(next);
  await writeSetting(m, SETTING_KEYS.hlc, hlc);
  await m.insert(ChangeEntryEntity, {
    entity: change.entity,
    entityId: change.entityId,
    fields: JSON.stringify([...change.fields].sort()),
    hlc,
    deviceId,
    operation: change.operation ?? 'upsert',
  });
  return hlc;
}
