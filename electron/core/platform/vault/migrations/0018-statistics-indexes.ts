import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the KIM statistics read instead of the tables (issue 12): four indexes by client or case become wider
 * ones with the same leading column, so every lookup they served is served as before, the number of indexes a write
 * maintains stays the same, and the statistics' per-row columns (case dates, residence type and validity, goal area
 * and status, follow-up dates) come from the index without reading the wide, encrypted rows. One index is new: the
 * needs of a case's assessment (an assessment row carries the caseworker's note; the statistics read only the need).
 */
const WIDENED: readonly { table: string; old: [string, string]; wide: [string, string] }[] = [
  { table: 'kim_case', old: ['ix_case_client', 'client_id'], wide: ['ix_case_client_dates', 'client_id, opened_on, closed_on'] },
  { table: 'residence_status', old: ['ix_residence_client', 'client_id'], wide: ['ix_residence_client_from', 'client_id, valid_from, created_at, id, type'] },
  { table: 'goal', old: ['ix_goal_case', 'case_id'], wide: ['ix_goal_case_status', 'case_id, area, status'] },
  { table: 'follow_up', old: ['ix_follow_up_case', 'case_id'], wide: ['ix_follow_up_case_due', 'case_id, due_date, created_at, done_at'] },
];

export class StatisticsIndexes1764000000018 implements MigrationInterface {
  name = 'StatisticsIndexes1764000000018';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, old, wide } of WIDENED) {
      await q.query(`CREATE INDEX ${wide[0]} ON ${table} (${wide[1]})`);
      await q.query(`DROP INDEX ${old[0]}`);
    }
    await q.query(`CREATE INDEX ix_assessment_case_need ON assessment (case_id, need, area)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_assessment_case_need`);
    for (const { table, old, wide } of WIDENED) {
      await q.query(`CREATE INDEX ${old[0]} ON ${table} (${old[1]})`);
      await q.query(`DROP INDEX ${wide[0]}`);
    }
  }
}
