import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network of trusted workstations (sync through the shared folder). `sync_device` is what this workstation
 * believes about every device of the network, itself included: its public keys, how it was enrolled, whether it
 * was revoked, and how far its log on the share was read (sequence and hash, so a substituted or reordered file is
 * detected). `sync_invitation` holds the single-use invitations IT issued here, with the code's key, until used or
 * expired. `sync_outbox` holds control records (enrollments, revocations) until a file carrying them is written.
 * `sync_quarantine` lists files that were refused, for IT. Workstation-local: never part of a change record.
 */
export class SyncNetwork1764000000009 implements MigrationInterface {
  name = 'SyncNetwork1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sync_device (
      device_id TEXT PRIMARY KEY NOT NULL,
      office TEXT NOT NULL,
      sign_key TEXT NOT NULL,
      box_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      status TEXT NOT NULL,
      enrolled_by TEXT,
      enrolled_at TEXT NOT NULL,
      revoked_by TEXT,
      revoked_after_seq INTEGER,
      revoked_at TEXT,
      frozen_reason TEXT,
      read_seq INTEGER NOT NULL DEFAULT 0,
      read_hash TEXT,
      last_hlc TEXT,
      last_read_at TEXT
    )`);
    await q.query(`CREATE TABLE sync_invitation (
      id TEXT PRIMARY KEY NOT NULL,
      office TEXT NOT NULL,
      code_key TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES account(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_by_device TEXT,
      used_at TEXT
    )`);
    await q.query(`CREATE TABLE sync_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
      record TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE sync_quarantine (
      id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
      device_id TEXT NOT NULL,
      seq INTEGER,
      reason TEXT NOT NULL,
      file_hash TEXT,
      moved_to TEXT,
      at TEXT NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_sync_quarantine_file ON sync_quarantine (device_id, seq, file_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sync_quarantine`);
    await q.query(`DROP TABLE sync_outbox`);
    await q.query(`DROP TABLE sync_invitation`);
    await q.query(`DROP TABLE sync_device`);
  }
}
