import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-overs of a client file to another of our offices (Fallübergabe), e.g. when the person moves from Lünen to
 * Werne: the receiving office becomes the keeping office (`client.office`), relying on the consent named here.
 * `client_id` has no foreign key: the row outlives the old office's copy of the file, which is removed once the
 * file has been sent to the new office, and it tells the old office's workstations that the file has left.
 * `accepted_at`/`accepted_by`: the receiving office's case manager who took the file over. `sync_blob.kept_until`:
 * until when a document copy for the new office stays on the share after the old office removed the file.
 */
export class FileHandovers1764000000016 implements MigrationInterface {
  name = 'FileHandovers1764000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE file_handover (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL,
      from_office TEXT NOT NULL,
      to_office TEXT NOT NULL,
      consent_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      handed_on TEXT NOT NULL,
      handed_by TEXT NOT NULL,
      accepted_at TEXT,
      accepted_by TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_file_handover_client ON file_handover (client_id, created_at)`);
    await q.query(`CREATE INDEX ix_file_handover_incoming ON file_handover (to_office, accepted_at)`);
    // Where a hand-over stands in this workstation's change log (has it been sent to everyone?): a partial index, so
    // that the writes of every other entity pay nothing for it.
    await q.query(`CREATE INDEX ix_change_entry_handover ON change_entry (entity_id) WHERE entity = 'file_handover'`);
    // A document copy the old office wrote for the new one stays on the share this long after the old office removed
    // its own copy of the file: the new office's workstations may read the hand-over days later.
    await q.query(`ALTER TABLE sync_blob ADD COLUMN kept_until TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sync_blob DROP COLUMN kept_until`);
    await q.query(`DROP INDEX ix_change_entry_handover`);
    await q.query(`DROP TABLE file_handover`);
  }
}
