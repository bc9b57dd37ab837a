import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals (Vermittlung / Überleitung) from a case to a partner of the directory, and consents that name
 * directory partners. Designed for sync like the case data (uuid ids, changes recorded by the service).
 * - `consent.partner_ids`: the directory partners a consent names (JSON array of partner ids, like `parties`);
 *   the free-text `agencies` stay for consents recorded before.
 * - `referral`: one referral of a case; `categories` and `consent_ids` are JSON arrays; `follow_up_id` the
 *   Wiedervorlage its feedback deadline created. A deleted referral keeps its reason and who deleted it
 *   (`deleted_*`), its free text is cleared.
 * - `referral_event`: its history (sent, accepted, declined, done, reopened with a note).
 */
export class Referrals1764000000013 implements MigrationInterface {
  name = 'Referrals1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent ADD COLUMN partner_ids TEXT NOT NULL DEFAULT '[]'`);
    await q.query(`CREATE TABLE referral (
      id TEXT PRIMARY KEY NOT NULL,
      case_id TEXT NOT NULL REFERENCES kim_case (id),
      client_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      contact_id TEXT,
      request TEXT NOT NULL,
      urgency TEXT NOT NULL,
      categories TEXT NOT NULL,
      consent_ids TEXT NOT NULL DEFAULT '[]',
      state TEXT NOT NULL,
      feedback_due TEXT,
      follow_up_id TEXT,
      sent_on TEXT,
      accepted_on TEXT,
      declined_by TEXT,
      decline_reason TEXT,
      result TEXT,
      failure_reason TEXT,
      outcome_note TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_by TEXT,
      delete_reason TEXT,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_referral_case ON referral (case_id, created_at)`);
    await q.query(`CREATE INDEX ix_referral_client ON referral (client_id)`);
    // "Meine Arbeit": referrals awaiting feedback past their deadline.
    await q.query(`CREATE INDEX ix_referral_awaiting ON referral (state, feedback_due) WHERE deleted_at IS NULL`);
    await q.query(`CREATE TABLE referral_event (
      id TEXT PRIMARY KEY NOT NULL,
      referral_id TEXT NOT NULL REFERENCES referral (id),
      state TEXT NOT NULL,
      on_date TEXT NOT NULL,
      by_id TEXT NOT NULL,
      note TEXT,
      at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_referral_event_referral ON referral_event (referral_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_event`);
    await q.query(`DROP TABLE referral`);
    await q.query(`ALTER TABLE consent DROP COLUMN partner_ids`);
  }
}
