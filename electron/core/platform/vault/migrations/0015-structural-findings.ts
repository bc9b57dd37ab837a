import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Structural findings (Systemhinweise): barriers met in cases, recorded without personal data and without a link
 * to the case or client they were met in, so that they can travel to every office and be counted by Koordination.
 * `observed_in` is a month (YYYY-MM), never a day. `partner_id` names a partner of the directory without a foreign
 * key: the directory and the findings travel separately, and a finding must not wait for its partner.
 * `withdrawn_at`: withdrawn by its author or by Koordination (kept for the record, left out of the counts).
 */
export class StructuralFindings1764000000015 implements MigrationInterface {
  name = 'StructuralFindings1764000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE structural_finding (
      id TEXT PRIMARY KEY NOT NULL,
      office TEXT NOT NULL,
      area TEXT NOT NULL,
      barrier TEXT NOT NULL,
      partner_id TEXT,
      partner_kind TEXT,
      description TEXT NOT NULL,
      observed_in TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      withdrawn_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_structural_finding_observed ON structural_finding (observed_in, office)`);
    await q.query(`CREATE INDEX ix_structural_finding_author ON structural_finding (recorded_by, observed_in)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE structural_finding`);
  }
}
