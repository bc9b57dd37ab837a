import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents (Einwilligung / Schweigepflichtentbindung) per client. The consent row is the record as given; one
 * grant row per named office × category is what access checks and list filters read through an index, so "may
 * office X see category Y of client Z today" is one index probe plus the consent's dates.
 */
export class Consents1764000000007 implements MigrationInterface {
  name = 'Consents1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE consent (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
      office TEXT NOT NULL,
      parties TEXT NOT NULL,
      agencies TEXT NOT NULL,
      categories TEXT NOT NULL,
      purpose TEXT NOT NULL,
      valid_from TEXT NOT NULL,
      valid_until TEXT,
      form TEXT NOT NULL,
      document_id TEXT REFERENCES document(id),
      oral_record TEXT,
      recorded_by TEXT NOT NULL REFERENCES account(id),
      revoked_on TEXT,
      revocation_form TEXT,
      revocation_note TEXT,
      revoked_by TEXT REFERENCES account(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_consent_client ON consent (client_id, valid_from)`);
    await q.query(`CREATE INDEX ix_consent_document ON consent (document_id)`);
    // The access layer checks "did consents change?" on every call (count and newest updated_at).
    await q.query(`CREATE INDEX ix_consent_updated ON consent (updated_at)`);
    await q.query(`CREATE TABLE consent_grant (
      consent_id TEXT NOT NULL REFERENCES consent(id) ON DELETE CASCADE,
      party TEXT NOT NULL,
      category TEXT NOT NULL,
      client_id TEXT NOT NULL,
      PRIMARY KEY (consent_id, party, category)
    )`);
    await q.query(`CREATE INDEX ix_consent_grant_party ON consent_grant (party, category, client_id)`);
    await q.query(`CREATE INDEX ix_consent_grant_client ON consent_grant (client_id, party)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent_grant`);
    await q.query(`DROP TABLE consent`);
  }
}
