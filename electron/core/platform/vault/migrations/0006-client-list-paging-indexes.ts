import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client list indexes: one per sort, and one per sort for each of the phase and case manager filters. A page at
 * any offset is then one range of one index, read in order without touching the table: the offset is skipped inside
 * the index and nothing is sorted.
 *
 * - The phase (of the current case) and case manager filters lead their indexes, the sort follows, then `sort_name`
 *   and `id` as tie-breakers. Without those filters the sort leads.
 * - `birth_date` and `current_status_until` are nullable: one index (col, sort_name, id) serves both directions with
 *   "unknown" last, read as two ranges (col IS NOT NULL, then col IS NULL) by the list query. This replaces the two
 *   expression indexes per column of migration 0005.
 * - Every index carries `office` and `id`, so the office filter and the access scope ("the own office's clients, or
 *   those a consent shares by client id") are checked inside whichever index reads the page.
 * - No index leads with `office`. On a workstation's vault almost every client is of its own office, so an office
 *   index narrows nothing; worse, with one the planner answers "c.office = ? OR c.id IN (consented)" by collecting
 *   both sets and sorting all of them (tens of ms at 50,000 clients) instead of reading the page in order. The same
 *   holds for the search's visibility check and the work overview's expiring statuses, which carry that condition.
 * - The "expiring status" filter is a range on `current_status_until` over few clients; its index also carries
 *   `updated_at` and `birth_date`, so that range is read and sorted for every sort without the table (and the
 *   birth date index carries `current_status_until` for the expiring clients without a known birth date).
 *
 * The single-column `birth_date` (search by birth date) and `current_status_until` (work overview) indexes go too:
 * the wider ones starting with the same column serve those reads.
 */
const CLIENT_LIST_INDEXES: [name: string, columns: string][] = [
  ['ix_client_list_name', 'sort_name, id, office'],
  ['ix_client_list_updated', 'updated_at, id, office'],
  ['ix_client_list_birth', 'birth_date, sort_name, id, office, current_status_until'],
  ['ix_client_list_until', 'current_status_until, sort_name, id, office, updated_at, birth_date'],
  ['ix_client_phase_name', 'case_phase, sort_name, id, office'],
  ['ix_client_phase_updated', 'case_phase, updated_at, id, office'],
  ['ix_client_phase_birth', 'case_phase, birth_date, sort_name, id, office'],
  ['ix_client_phase_until', 'case_phase, current_status_until, sort_name, id, office'],
  ['ix_client_manager_name', 'case_manager_id, sort_name, id, office'],
  ['ix_client_manager_updated', 'case_manager_id, updated_at, id, office'],
  ['ix_client_manager_birth', 'case_manager_id, birth_date, sort_name, id, office'],
  ['ix_client_manager_until', 'case_manager_id, current_status_until, sort_name, id, office'],
];

/** The client list indexes of migrations 0003 and 0005 that these replace, as `down` restores them. */
const PREVIOUS_INDEXES: [name: string, columns: string][] = [
  ['ix_client_status_until', 'current_status_until'],
  ['ix_client_sort_id', 'sort_name, id'],
  ['ix_client_office_sort_id', 'office, sort_name, id'],
  ['ix_client_phase_sort_id', 'case_phase, sort_name, id'],
  ['ix_client_manager_sort_id', 'case_manager_id, sort_name, id'],
  ['ix_client_updated_id', 'updated_at, id'],
  ['ix_client_birth_asc', 'birth_date IS NULL, birth_date, sort_name, id'],
  ['ix_client_birth_desc', 'birth_date IS NOT NULL, birth_date, sort_name, id'],
  ['ix_client_birth', 'birth_date'],
  ['ix_client_until_asc', 'current_status_until IS NULL, current_status_until, sort_name, id'],
  ['ix_client_until_desc', 'current_status_until IS NOT NULL, current_status_until, sort_name, id'],
];

/** Exported for the migration test, which checks that this frozen list is what the list queries read. */
export { CLIENT_LIST_INDEXES };

export class ClientListPagingIndexes1764000000006 implements MigrationInterface {
  name = 'ClientListPagingIndexes1764000000006';

  async up(q: QueryRunner): Promise<void> {
    for (const [name] of PREVIOUS_INDEXES) await q.query(`DROP INDEX ${name}`);
    for (const [name, columns] of CLIENT_LIST_INDEXES) await q.query(`CREATE INDEX ${name} ON client (${columns})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...CLIENT_LIST_INDEXES].reverse()) await q.query(`DROP INDEX ${name}`);
    for (const [name, columns] of PREVIOUS_INDEXES) await q.query(`CREATE INDEX ${name} ON client (${columns})`);
  }
}
