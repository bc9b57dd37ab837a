import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client files and cases: clients with name search keys, household, residence history, documents, cases with phase
 * history, assessment, goals and measures, notes and follow-ups. Indexes serve the hot paths at 50,000 clients and
 * 1,000,000 notes: name-key lookup, filtered client lists, a client's cases/notes, a user's follow-ups.
 */
export class ClientFiles1764000000003 implements MigrationInterface {
  name = 'ClientFiles1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE client (
      id TEXT PRIMARY KEY NOT NULL,
      office TEXT NOT NULL,
      family_name TEXT NOT NULL,
      given_names TEXT NOT NULL,
      alternative_names TEXT NOT NULL,
      birth_date TEXT,
      birth_date_placeholder BOOLEAN NOT NULL DEFAULT 0,
      gender TEXT NOT NULL,
      nationalities TEXT NOT NULL,
      languages TEXT NOT NULL,
      arrival_date TEXT,
      street TEXT,
      postal_code TEXT,
      city TEXT,
      phone TEXT,
      email TEXT,
      sort_name TEXT NOT NULL,
      current_status_type TEXT,
      current_status_basis TEXT,
      current_status_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_client_office_sort ON client (office, sort_name)`);
    await q.query(`CREATE INDEX ix_client_sort ON client (sort_name)`);
    await q.query(`CREATE INDEX ix_client_status_until ON client (current_status_until)`);
    await q.query(`CREATE INDEX ix_client_birth ON client (birth_date)`);
    await q.query(`CREATE TABLE client_name_key (
      key TEXT NOT NULL,
      client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
      PRIMARY KEY (key, client_id)
    ) WITHOUT ROWID`);
    await q.query(`CREATE INDEX ix_client_name_key_client ON client_name_key (client_id)`);
    await q.query(`CREATE TABLE household_member (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      relation TEXT NOT NULL,
      birth_year INTEGER,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_household_client ON household_member (client_id)`);
    await q.query(`CREATE TABLE residence_status (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      legal_basis TEXT,
      valid_from TEXT,
      valid_until TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_residence_client ON residence_status (client_id)`);
    await q.query(`CREATE TABLE kim_case (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
      office TEXT NOT NULL,
      case_manager_id TEXT NOT NULL REFERENCES account(id),
      phase TEXT NOT NULL,
      rechtskreise TEXT NOT NULL,
      opened_on TEXT NOT NULL,
      closed_on TEXT,
      closure_reason TEXT,
      closure_summary TEXT,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_case_client ON kim_case (client_id)`);
    await q.query(`CREATE INDEX ix_case_open_phase ON kim_case (phase, case_manager_id) WHERE closed_on IS NULL`);
    await q.query(`CREATE TABLE case_phase_event (
      id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
      case_id TEXT NOT NULL REFERENCES kim_case(id) ON DELETE CASCADE,
      phase TEXT NOT NULL,
      on_date TEXT NOT NULL,
      by_id TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_phase_event_case ON case_phase_event (case_id)`);
    await q.query(`CREATE TABLE assessment (
      case_id TEXT NOT NULL REFERENCES kim_case(id) ON DELETE CASCADE,
      area TEXT NOT NULL,
      need TEXT NOT NULL,
      note TEXT,
      PRIMARY KEY (case_id, area)
    )`);
    await q.query(`CREATE TABLE goal (
      id TEXT PRIMARY KEY NOT NULL,
      case_id TEXT NOT NULL REFERENCES kim_case(id) ON DELETE CASCADE,
      area TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      outcome_note TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_goal_case ON goal (case_id)`);
    await q.query(`CREATE TABLE measure (
      id TEXT PRIMARY KEY NOT NULL,
      goal_id TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      owner TEXT NOT NULL,
      due_date TEXT,
      status TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_measure_goal ON measure (goal_id)`);
    await q.query(`CREATE TABLE note (
      id TEXT PRIMARY KEY NOT NULL,
      case_id TEXT NOT NULL REFERENCES kim_case(id) ON DELETE CASCADE,
      client_id TEXT NOT NULL,
      occurred_on TEXT NOT NULL,
      kind TEXT NOT NULL,
      participants TEXT,
      text TEXT NOT NULL,
      internal BOOLEAN NOT NULL,
      author_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_note_case_date ON note (case_id, occurred_on)`);
    await q.query(`CREATE TABLE follow_up (
      id TEXT PRIMARY KEY NOT NULL,
      case_id TEXT NOT NULL REFERENCES kim_case(id) ON DELETE CASCADE,
      client_id TEXT NOT NULL,
      title TEXT NOT NULL,
      due_date TEXT NOT NULL,
      assignee_id TEXT NOT NULL,
      done_at TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_follow_up_case ON follow_up (case_id)`);
    await q.query(`CREATE INDEX ix_follow_up_open ON follow_up (assignee_id, due_date) WHERE done_at IS NULL`);
    await q.query(`CREATE TABLE document (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
      case_id TEXT REFERENCES kim_case(id) ON DELETE SET NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      category TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      file_id TEXT NOT NULL UNIQUE,
      file_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_document_client ON document (client_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['document', 'follow_up', 'note', 'measure', 'goal', 'assessment', 'case_phase_event', 'kim_case', 'residence_status', 'household_member', 'client_name_key', 'client']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
