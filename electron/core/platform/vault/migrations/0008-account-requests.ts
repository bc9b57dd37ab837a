import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IT's requests to create an account or reset its passphrase, which Datenschutz approves or rejects, and per
 * account the request whose one-time passphrase is in force (null: the owner chose the passphrase). The pending key
 * wrap stays in this row (inside the encrypted database, outside keyring.json) until approval moves it to the
 * keyring; it is workstation-local and never part of a change record.
 */
export class AccountRequests1764000000008 implements MigrationInterface {
  name = 'AccountRequests1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_request (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      account_id TEXT NOT NULL REFERENCES account(id),
      requested_by TEXT NOT NULL REFERENCES account(id),
      requested_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      status TEXT NOT NULL,
      approval TEXT NOT NULL,
      decided_by TEXT REFERENCES account(id),
      decided_at TEXT,
      pending_wrap TEXT,
      device_id TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_account_request_status ON account_request (status, expires_at)`);
    await q.query(`CREATE INDEX ix_account_request_account ON account_request (account_id, requested_at)`);
    await q.query(`ALTER TABLE account ADD COLUMN one_time_request_id TEXT REFERENCES account_request(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account DROP COLUMN one_time_request_id`);
    await q.query(`DROP TABLE account_request`);
  }
}
