import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case conferences (Fallkonferenz), case data of the keeping office, with uuid ids and every write recorded in the
 * change log under its HLC by the service (sync carries them once the registry lists them).
 * - `case_conference`: date (and time), whether the client took part, interpreter, the consent the conference relies
 *   on, results (under the conversation-notes key), the next date and the Wiedervorlage made for it.
 * - `case_conference_participant`: a partner of the directory (optionally one of its contacts) or our staff, with
 *   their role in the conference.
 * - `case_conference_situation`: the situation per life area (the health area under the health key).
 * - `case_conference_action`: who does what by when; it became a measure (`measure_id`) or a Wiedervorlage
 *   (`follow_up_id`), whose status is the action's done state (no copy kept here).
 * Numbered 0014: 0013 is another feature's, merged on its own.
 */
export class CaseConferences1764000000014 implements MigrationInterface {
  name = 'CaseConferences1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_conference (
      id TEXT PRIMARY KEY NOT NULL,
      case_id TEXT NOT NULL REFERENCES kim_case (id),
      client_id TEXT NOT NULL,
      held_on TEXT NOT NULL,
      held_at TEXT,
      client_present INTEGER NOT NULL,
      interpreter_language TEXT,
      interpreter_name TEXT,
      consent_id TEXT,
      results TEXT,
      next_on TEXT,
      next_follow_up_id TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_case_conference_case ON case_conference (case_id, held_on)`);
    await q.query(`CREATE TABLE case_conference_participant (
      id TEXT PRIMARY KEY NOT NULL,
      conference_id TEXT NOT NULL REFERENCES case_conference (id),
      kind TEXT NOT NULL,
      partner_id TEXT,
      contact_id TEXT,
      account_id TEXT,
      role TEXT,
      position INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_case_conference_participant ON case_conference_participant (conference_id)`);
    await q.query(`CREATE TABLE case_conference_situation (
      conference_id TEXT NOT NULL REFERENCES case_conference (id),
      area TEXT NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (conference_id, area)
    )`);
    await q.query(`CREATE TABLE case_conference_action (
      id TEXT PRIMARY KEY NOT NULL,
      conference_id TEXT NOT NULL REFERENCES case_conference (id),
      who_kind TEXT NOT NULL,
      account_id TEXT,
      partner_id TEXT,
      what TEXT NOT NULL,
      due_date TEXT NOT NULL,
      area TEXT,
      goal_id TEXT,
      measure_id TEXT,
      follow_up_id TEXT,
      responsible_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_case_conference_action_conference ON case_conference_action (conference_id)`);
    await q.query(`CREATE INDEX ix_case_conference_action_responsible ON case_conference_action (responsible_id, due_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_conference_action`);
    await q.query(`DROP TABLE case_conference_situation`);
    await q.query(`DROP TABLE case_conference_participant`);
    await q.query(`DROP TABLE case_conference`);
  }
}
