import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, settings, audit trail and the change log that sync will ship. */
export class InitialSchema1764000000001 implements MigrationInterface {
  name = 'InitialSchema1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account (
      id TEXT PRIMARY KEY NOT NULL,
      login TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL,
      office TEXT NOT NULL,
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    await q.query(`CREATE TABLE audit_entry (
      id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_role TEXT,
      office TEXT,
      action TEXT NOT NULL,
      entity TEXT,
      entity_id TEXT,
      fields TEXT,
      outcome TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_audit_entry_at ON audit_entry (at)`);
    await q.query(`CREATE TABLE change_entry (
      id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      fields TEXT NOT NULL,
      hlc TEXT NOT NULL,
      device_id TEXT NOT NULL,
      operation TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_change_entry_hlc ON change_entry (hlc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE change_entry`);
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP TABLE setting`);
    await q.query(`DROP TABLE account`);
  }
}
