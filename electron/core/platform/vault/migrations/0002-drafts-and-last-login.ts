import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Encrypted drafts that survive an auto-lock, and the last login per account. */
export class DraftsAndLastLogin1764000000002 implements MigrationInterface {
  name = 'DraftsAndLastLogin1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account ADD COLUMN last_login_at TEXT`);
    await q.query(`CREATE TABLE draft (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
      form_id TEXT NOT NULL,
      data TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      CONSTRAINT uq_draft_account_form UNIQUE (account_id, form_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE draft`);
    await q.query(`ALTER TABLE account DROP COLUMN last_login_at`);
  }
}
