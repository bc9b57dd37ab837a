import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What sync needs to carry documents and the phase history of a case.
 * - `sync_blob`: per document and addressed office, the encrypted copy this workstation put on the share (its random
 *   file name and key), so that a later member of that office is sent the same copy instead of a new one, and the
 *   copy is removed from the share once the document is deleted.
 * - `case_phase_event.uid`: a phase change needs an id that is the same on every workstation; the integer id stays
 *   the local order of arrival.
 */
export class SyncDocumentsAndPhases1764000000011 implements MigrationInterface {
  name = 'SyncDocumentsAndPhases1764000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sync_blob (
      document_id TEXT NOT NULL,
      office TEXT NOT NULL,
      name TEXT NOT NULL,
      key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (document_id, office)
    )`);
    await q.query(`ALTER TABLE case_phase_event ADD COLUMN uid TEXT`);
    await q.query(`UPDATE case_phase_event SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL`);
    await q.query(`CREATE UNIQUE INDEX ux_phase_event_uid ON case_phase_event (uid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ux_phase_event_uid`);
    await q.query(`ALTER TABLE case_phase_event DROP COLUMN uid`);
    await q.query(`DROP TABLE sync_blob`);
  }
}
