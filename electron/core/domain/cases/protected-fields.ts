import type { EntityManager } from 'typeorm';
import type { KeyProtectedCategory } from '../../contract/data-categories';
import { fieldPlace, isProtectedValue } from '../../platform/vault/field-cipher';
import type { ProtectedFields } from '../service-context';

/**
 * Every column held under a category key (issue 10, item 4), in one list: the writers and readers of cases and
 * documents use the same places, and the one-time encryption of an older vault walks this list.
 */
export interface ProtectedColumn {
  category: KeyProtectedCategory;
  table: string;
  /** The entity name and row id bound into the ciphertext (see fieldPlace). */
  entity: string;
  idSql: string;
  column: string;
  /** The field name in fieldPlace (the entity's property). */
  field: string;
  /** Which rows of the table belong to the category. */
  where: string;
}

const HEALTH_GOALS = `goal_id IN (SELECT id FROM goal WHERE area = 'health')`;

export const PROTECTED_COLUMNS: readonly ProtectedColumn[] = [
  { category: 'conversation-notes', table: 'note', entity: 'note', idSql: 'id', column: 'text', field: 'text', where: '1' },
  { category: 'conversation-notes', table: 'note', entity: 'note', idSql: 'id', column: 'participants', field: 'participants', where: '1' },
  { category: 'conversation-notes', table: 'kim_case', entity: 'case', idSql: 'id', column: 'closure_summary', field: 'closureSummary', where: '1' },
  { category: 'health', table: 'assessment', entity: 'assessment', idSql: `case_id || '/' || area`, column: 'note', field: 'note', where: `area = 'health'` },
  { category: 'health', table: 'goal', entity: 'goal', idSql: 'id', column: 'title', field: 'title', where: `area = 'health'` },
  { category: 'health', table: 'goal', entity: 'goal', idSql: 'id', column: 'outcome_note', field: 'outcomeNote', where: `area = 'health'` },
  { category: 'health', table: 'measure', entity: 'measure', idSql: 'id', column: 'title', field: 'title', where: HEALTH_GOALS },
  // Case conferences (domain/conferences): results like the closure summary, the health situation and actions
  // under health goals like the assessment note and the measures.
  { category: 'conversation-notes', table: 'case_conference', entity: 'case_conference', idSql: 'id', column: 'results', field: 'results', where: '1' },
  {
    category: 'health',
    table: 'case_conference_situation',
    entity: 'case_conference_situation',
    idSql: `conference_id || '/' || area`,
    column: 'text',
    field: 'text',
    where: `area = 'health'`,
  },
  { category: 'health', table: 'case_conference_action', entity: 'case_conference_action', idSql: 'id', column: 'what', field: 'what', where: `area = 'health'` },
  { category: 'health', table: 'document', entity: 'document', idSql: 'id', column: 'file_key', field: 'fileKey', where: `category = 'medical'` },
  { category: 'health', table: 'document', entity: 'document', idSql: 'id', column: 'file_name', field: 'fileName', where: `category = 'medical'` },
];

export const notePlace = (id: string, field: 'text' | 'participants') => fieldPlace('note', id, field);
export const casePlace = (id: string) => fieldPlace('case', id, 'closureSummary');
export const assessmentPlace = (caseId: string, area: string) => fieldPlace('assessment', `${caseId}/${area}`, 'note');
export const goalPlace = (id: string, field: 'title' | 'outcomeNote') => fieldPlace('goal', id, field);
export const measurePlace = (id: string) => fieldPlace('measure', id, 'title');
export const conferenceResultsPlace = (id: string) => fieldPlace('case_conference', id, 'results');
export const conferenceSituationPlace = (conferenceId: string, area: string) => fieldPlace('case_conference_situation', `${conferenceId}/${area}`, 'text');
export const conferenceActionPlace = (id: string) => fieldPlace('case_conference_action', id, 'what');

/** The stored values of one protected column (non-null), with the place their ciphertext is bound to. */
export async function protectedValues(m: EntityManager, c: ProtectedColumn): Promise<{ rowid: number; place: string; value: string }[]> {
  const rows = (await m.query(`SELECT ${c.idSql} AS id, rowid AS r, ${c.column} AS v FROM ${c.table} WHERE ${c.where} AND ${c.column} IS NOT NULL`)) as {
    id: string;
    r: number;
    v: string;
  }[];
  return rows.map((row) => ({ rowid: row.r, place: fieldPlace(c.entity, row.id, c.field), value: row.v }));
}

/**
 * Encrypts the values of `category` still stored in plain text (a vault from before category keys), in the
 * caller's transaction. Values already protected are left alone, so an interrupted run simply continues.
 */
export async function encryptPlainFields(m: EntityManager, fields: ProtectedFields, category: KeyProtectedCategory): Promise<number> {
  let count = 0;
  for (const c of PROTECTED_COLUMNS.filter((p) => p.category === category)) {
    for (const row of await protectedValues(m, c)) {
      if (isProtectedValue(row.value)) continue;
      await m.query(`UPDATE ${c.table} SET ${c.column} = ? WHERE rowid = ?`, [fields.encrypt(category, row.value, row.place), row.rowid]);
      count++;
    }
  }
  return count;
}
