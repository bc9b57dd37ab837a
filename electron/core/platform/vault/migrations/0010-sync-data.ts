import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data part of sync. `sync_clock` holds, per synced row, the clock of its creation or tombstone ('*') and, per
 * field written after creation, the clock of the write in force and its version vector (what it had seen), so that
 * a merge is last-writer-wins per field and writes made without seeing each other are recognised. `sync_conflict`
 * holds, per field with such writes, all of them (the heads) until a later write covers them, for a case manager. `sync_parked` holds received rows whose parent
 * has not arrived yet. `sync_device.sent_upto` is how far of the change log each device has been sent. Received
 * staff rows (authors, case managers of another workstation) are accounts that cannot log in here: `home_device`.
 */
export class SyncData1764000000010 implements MigrationInterface {
  name = 'SyncData1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sync_clock (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      device TEXT NOT NULL,
      actor TEXT,
      vv TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (entity, entity_id, field)
    ) WITHOUT ROWID`);
    await q.query(`CREATE TABLE sync_conflict (
      id TEXT PRIMARY KEY NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      client_id TEXT,
      heads TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT,
      resolution TEXT
    )`);
    await q.query(`CREATE INDEX ix_sync_conflict_open ON sync_conflict (resolved_at, client_id)`);
    await q.query(`CREATE UNIQUE INDEX ux_sync_conflict_field ON sync_conflict (entity, entity_id, field)`);
    await q.query(`CREATE TABLE sync_parked (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      parent_entity TEXT NOT NULL,
      parent_id TEXT NOT NULL,
      change TEXT NOT NULL,
      PRIMARY KEY (entity, entity_id)
    )`);
    await q.query(`CREATE INDEX ix_sync_parked_parent ON sync_parked (parent_entity, parent_id)`);
    await q.query(`ALTER TABLE sync_device ADD COLUMN sent_upto INTEGER NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE account ADD COLUMN home_device TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account DROP COLUMN home_device`);
    await q.query(`ALTER TABLE sync_device DROP COLUMN sent_upto`);
    await q.query(`DROP TABLE sync_parked`);
    await q.query(`DROP TABLE sync_conflict`);
    await q.query(`DROP TABLE sync_clock`);
  }
}
