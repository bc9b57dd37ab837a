import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Frozen copy of the SQL as of this migration; the service keeps its own (domain/clients/client-case-columns.ts). */
const REFRESH_CLIENT_CASE_COLUMNS = `
  UPDATE client SET
    case_phase = (SELECT k.phase FROM kim_case k WHERE k.client_id = client.id
                  ORDER BY k.closed_on IS NOT NULL, k.opened_on DESC, k.id DESC LIMIT 1),
    case_manager_id = (SELECT k.case_manager_id FROM kim_case k WHERE k.client_id = client.id
                       ORDER BY k.closed_on IS NOT NULL, k.opened_on DESC, k.id DESC LIMIT 1)`;

/**
 * Client list pages at 50,000 clients: the list filters and sorts on client columns only (the current case's phase
 * and manager are copied onto the client, like the current residence status), so every filter/sort pair reads a
 * page of ids straight from a covering index instead of joining and sorting the whole table (1 s → < 1 ms).
 * Nullable sort columns get one index per direction, so "unknown" stays last both ways.
 */
export class ClientListIndexes1764000000005 implements MigrationInterface {
  name = 'ClientListIndexes1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client ADD COLUMN case_phase TEXT`);
    await q.query(`ALTER TABLE client ADD COLUMN case_manager_id TEXT`);
    await q.query(REFRESH_CLIENT_CASE_COLUMNS);
    await q.query(`DROP INDEX ix_client_sort`);
    await q.query(`DROP INDEX ix_client_office_sort`);
    await q.query(`DROP INDEX ix_client_birth`);
    await q.query(`CREATE INDEX ix_client_sort_id ON client (sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_office_sort_id ON client (office, sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_phase_sort_id ON client (case_phase, sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_manager_sort_id ON client (case_manager_id, sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_updated_id ON client (updated_at, id)`);
    await q.query(`CREATE INDEX ix_client_birth_asc ON client (birth_date IS NULL, birth_date, sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_birth_desc ON client (birth_date IS NOT NULL, birth_date, sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_birth ON client (birth_date)`);
    await q.query(`CREATE INDEX ix_client_until_asc ON client (current_status_until IS NULL, current_status_until, sort_name, id)`);
    await q.query(`CREATE INDEX ix_client_until_desc ON client (current_status_until IS NOT NULL, current_status_until, sort_name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const ix of ['until_desc', 'until_asc', 'birth', 'birth_desc', 'birth_asc', 'updated_id', 'manager_sort_id', 'phase_sort_id', 'office_sort_id', 'sort_id']) {
      await q.query(`DROP INDEX ix_client_${ix}`);
    }
    await q.query(`CREATE INDEX ix_client_office_sort ON client (office, sort_name)`);
    await q.query(`CREATE INDEX ix_client_sort ON client (sort_name)`);
    await q.query(`CREATE INDEX ix_client_birth ON client (birth_date)`);
    await q.query(`ALTER TABLE client DROP COLUMN case_manager_id`);
    await q.query(`ALTER TABLE client DROP COLUMN case_phase`);
  }
}
