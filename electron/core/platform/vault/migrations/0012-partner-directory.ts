import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner directory (Netzwerkpartner), shared by the offices and the ABH, designed for sync from the start:
 * uuid ids, every write recorded in the change log under its HLC by the service.
 * - `partner`: an organisation; list fields (Rechtskreise, languages, services, our offices working with it) are
 *   JSON arrays of codes, searched with json_each. Archived partners stay for the record.
 * - `partner_contact`: a contact person of a partner; personal data, so only name, function and reachability.
 * - `partner_proposal`: a change a case manager proposes and Koordination decides; `payload` is the proposed
 *   fields as JSON, `base` the record's fields when the proposal was made (null for a new record), so accepting
 *   applies only what the proposer changed and keeps what Koordination changed since.
 */
export class PartnerDirectory1764000000012 implements MigrationInterface {
  name = 'PartnerDirectory1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partner (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      rechtskreise TEXT NOT NULL DEFAULT '[]',
      street TEXT,
      postal_code TEXT,
      city TEXT,
      opening_hours TEXT,
      phone TEXT,
      email TEXT,
      languages TEXT NOT NULL DEFAULT '[]',
      services TEXT NOT NULL DEFAULT '[]',
      offices TEXT NOT NULL DEFAULT '[]',
      notes TEXT,
      archived_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_partner_name ON partner (name COLLATE NOCASE)`);
    await q.query(`CREATE TABLE partner_contact (
      id TEXT PRIMARY KEY NOT NULL,
      partner_id TEXT NOT NULL REFERENCES partner (id),
      name TEXT NOT NULL,
      function TEXT,
      phone TEXT,
      email TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_partner_contact_partner ON partner_contact (partner_id)`);
    await q.query(`CREATE TABLE partner_proposal (
      id TEXT PRIMARY KEY NOT NULL,
      target TEXT NOT NULL,
      partner_id TEXT,
      contact_id TEXT,
      payload TEXT NOT NULL,
      base TEXT,
      comment TEXT,
      proposed_by TEXT NOT NULL,
      proposed_at TEXT NOT NULL,
      status TEXT NOT NULL,
      decided_by TEXT,
      decided_at TEXT,
      decision_note TEXT
    )`);
    await q.query(`CREATE INDEX ix_partner_proposal_status ON partner_proposal (status, proposed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_proposal`);
    await q.query(`DROP TABLE partner_contact`);
    await q.query(`DROP TABLE partner`);
  }
}
