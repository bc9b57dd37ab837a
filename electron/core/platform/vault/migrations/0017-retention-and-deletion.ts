import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and deletion (DSGVO Art. 17) and restriction of processing (Art. 18).
 *
 * `deletion_request`: one person (Datenschutz) asks for a file to be deleted, a second, different person approves;
 * then the file is erased. The row outlives the file it names: `client_id` has no foreign key and is a random id,
 * never a name. `reason` is the requester's free text (it may quote the person's letter), so it is emptied when the
 * deletion runs; `ground` says why in a fixed word ('retention' or 'subject'). `archive` records the offer to the
 * public archive (ArchivG NRW): 'exported' once an encrypted package was handed over, 'declined' when the archive
 * did not want it.
 *
 * `client_restriction`: a file whose processing is restricted; it goes with the file (cascade) and travels to the
 * keeping office's other workstations (sync registry). Its own id, not the client's: a lifted restriction leaves a
 * tombstone, and a later one must be a new row.
 */
export class RetentionAndDeletion1764000000017 implements MigrationInterface {
  name = 'RetentionAndDeletion1764000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deletion_request (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL,
      office TEXT NOT NULL,
      ground TEXT NOT NULL,
      reason TEXT,
      archive TEXT,
      status TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      decided_by TEXT,
      decided_at TEXT,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_deletion_request_status ON deletion_request (status, requested_at)`);
    await q.query(`CREATE INDEX ix_deletion_request_client ON deletion_request (client_id)`);
    await q.query(`CREATE TABLE client_restriction (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL UNIQUE REFERENCES client(id) ON DELETE CASCADE,
      reason TEXT NOT NULL,
      restricted_by TEXT NOT NULL,
      restricted_at TEXT NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_restriction`);
    await q.query(`DROP TABLE deletion_request`);
  }
}
