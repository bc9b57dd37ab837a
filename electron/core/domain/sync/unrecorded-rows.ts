import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { nextLocalHlc } from '../../platform/sync/change-recorder';
import { ROW } from '../../platform/sync/field-clock';
import { decodeHlc, encodeHlc, HLC_COUNTER_SPAN } from '../../platform/sync/hlc';
import type { OwnDevice } from './own-device';
import { SYNC_ENTITIES, SYNC_ENTITY } from './sync-registry';
import type { NetworkContext } from './sync-context';

/**
 * Rows this vault holds that the change log never recorded as rows of their own: everything written before an
 * entity began to travel (goals, measures, follow-ups and assessments were recorded only as a change of their case
 * before sync; phase events and documents travel since this release), or before the change log kept row clocks.
 * Without an entry they would never be sent, not even to a new workstation of the office. Once per entity, the
 * first round enters each such row in the change log with a row clock of this workstation, as if just written: a
 * row that has a row clock was recorded (or received) already. One step per entity: the check reads every row of
 * the entity once (about 20 s for a whole office of 50,000 clients, notes the largest part).
 */
export async function entitiesToCheck(ctx: NetworkContext): Promise<string[]> {
  // A vault the demo tool filled holds fictional people it wrote without change entries: they must never travel.
  if ((await readSetting(ctx.tx, SETTING_KEYS.demoVault)) !== null) return [];
  const done = new Set(JSON.parse((await readSetting(ctx.tx, SETTING_KEYS.syncBackfilled)) ?? '[]') as string[]);
  return SYNC_ENTITIES.filter((e) => !done.has(e.entity)).map((e) => e.entity);
}

/** Enters the unrecorded rows of one entity (see above); returns how many. */
export async function recordUnrecordedRows(ctx: NetworkContext, own: OwnDevice, entity: string): Promise<number> {
  const spec = SYNC_ENTITY.get(entity);
  if (!spec) return 0;
  const first = decodeHlc(await nextLocalHlc(ctx.tx, ctx.now.getTime()));
  // One clock per row, ticking in the order the rows were written (rowid): every workstation then orders rows of
  // the same day as they were written here (the phase history of a case), not by their random ids.
  const tick = `(${first.counter} + row_number() OVER (ORDER BY t.rowid) - 1)`;
  const hlc = `printf('%015d-%06d', ${first.wall} + ${tick} / ${HLC_COUNTER_SPAN}, ${tick} % ${HLC_COUNTER_SPAN})`;
  const unrecorded = `FROM ${spec.table} t ${spec.joinSql ?? ''}
    WHERE NOT EXISTS (SELECT 1 FROM sync_clock k WHERE k.entity = ? AND k.entity_id = ${spec.idSql} AND k.field = ?)`;
  const fields = JSON.stringify(Object.keys(spec.fields).sort());
  // The row clocks first (the change log's entries are read back from them): the NOT EXISTS above then no longer
  // holds, so the entries select the rows by this round's clocks instead.
  await ctx.tx.query(
    `INSERT INTO sync_clock (entity, entity_id, field, hlc, device, actor, vv, deleted) SELECT ?, ${spec.idSql}, ?, ${hlc}, ?, NULL, NULL, 0 ${unrecorded}`,
    [spec.entity, ROW, own.deviceId, spec.entity, ROW],
  );
  const [{ n }] = (await ctx.tx.query('SELECT changes() AS n')) as [{ n: number }];
  if (n > 0) {
    const lastTick = first.counter + n - 1;
    const last = { wall: first.wall + Math.floor(lastTick / HLC_COUNTER_SPAN), counter: lastTick % HLC_COUNTER_SPAN };
    // The row clock's vector is implied (this write itself), stored as NULL like field-clock.ts writes it.
    await ctx.tx.query(
      `INSERT INTO change_entry (entity, entity_id, fields, hlc, device_id, operation)
       SELECT ?, k.entity_id, ?, k.hlc, ?, 'upsert' FROM sync_clock k WHERE k.entity = ? AND k.field = ? AND k.device = ? AND k.hlc BETWEEN ? AND ?
       ORDER BY k.hlc`,
      [spec.entity, fields, own.deviceId, spec.entity, ROW, own.deviceId, encodeHlc(first), encodeHlc(last)],
    );
    // Later local writes tick on from the last clock handed out here.
    await writeSetting(ctx.tx, SETTING_KEYS.hlc, encodeHlc(last));
  }
  const done = new Set(JSON.parse((await readSetting(ctx.tx, SETTING_KEYS.syncBackfilled)) ?? '[]') as string[]);
  done.add(spec.entity);
  await writeSetting(ctx.tx, SETTING_KEYS.syncBackfilled, JSON.stringify([...done].sort()));
  return n;
}
