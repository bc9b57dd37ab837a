import type { EntityManager } from 'typeorm';
import { berlinDate, berlinDayStart } from '../../contract/dates';
import type { Office } from '../../contract/offices';
import { dueFrom, type RetentionKind } from '../../contract/retention-domain';
import type { RetentionFileView } from '../../contract/types/retention-types';

/** The retention periods in force (machine policy retention.*). */
export interface RetentionYears {
  clientYears: number;
  contactYears: number;
}

interface FactRow {
  id: string;
  office: Office;
  family_name: string;
  given_names: string;
  birth_date: string | null;
  birth_date_placeholder: number;
  updated_at: string;
  cases: number;
  open_cases: number;
  last_closed: string | null;
  restricted: number;
  pending: string | null;
}

const FACTS = `SELECT c.id, c.office, c.family_name, c.given_names, c.birth_date, c.birth_date_placeholder, c.updated_at,
    (SELECT COUNT(*) FROM kim_case k WHERE k.client_id = c.id) AS cases,
    (SELECT COUNT(*) FROM kim_case k WHERE k.client_id = c.id AND k.closed_on IS NULL) AS open_cases,
    (SELECT MAX(k.closed_on) FROM kim_case k WHERE k.client_id = c.id) AS last_closed,
    EXISTS (SELECT 1 FROM client_restriction r WHERE r.client_id = c.id) AS restricted,
    (SELECT d.id FROM deletion_request d WHERE d.client_id = c.id AND d.status = 'pending') AS pending
  FROM client c`;

/**
 * The SQL condition "due": the year the period runs from lies `years` full years before this one. A case's closing
 * day is a Berlin date, compared by its year as text of four digits (which orders like the number); a contact's last
 * change is a UTC instant, compared with the instant the next Berlin year began, so a change on New Year's Eve after
 * 23:00 UTC counts in the year it belongs to in Berlin, as the file's view says.
 */
const DUE_CONDITION = `(
    (EXISTS (SELECT 1 FROM kim_case k WHERE k.client_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM kim_case k WHERE k.client_id = c.id AND k.closed_on IS NULL)
      AND (SELECT MAX(substr(k.closed_on, 1, 4)) FROM kim_case k WHERE k.client_id = c.id) <= ?)
    OR (NOT EXISTS (SELECT 1 FROM kim_case k WHERE k.client_id = c.id) AND c.updated_at < ?)
  )`;

function lastYearDue(today: string, years: number): string {
  return String(Number(today.slice(0, 4)) - years - 1).padStart(4, '0');
}

/** The UTC instant the Berlin year after the last due year began. */
const endOfLastYearDue = (today: string, years: number): string => berlinDayStart(`${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}-01-01`);

/** The retention facts of one file row: which rule, from which date, due from when. */
export function toRetentionView(r: FactRow, years: RetentionYears, today: string): RetentionFileView {
  const kind: RetentionKind = r.cases > 0 ? 'client' : 'contact';
  // A person without a case: the last contact is the file's last change (a Berlin calendar day).
  const lastDate = kind === 'client' ? (r.last_closed ?? berlinDate(new Date(r.updated_at))) : berlinDate(new Date(r.updated_at));
  const span = kind === 'client' ? years.clientYears : years.contactYears;
  const from = r.open_cases > 0 ? null : dueFrom(lastDate, span);
  return {
    clientId: r.id,
    name: `${r.family_name}, ${r.given_names}`,
    birthDate: r.birth_date_placeholder ? null : r.birth_date,
    office: r.office,
    kind,
    lastDate,
    dueFrom: from,
    due: from !== null && from <= today,
    years: span,
    openCases: r.open_cases,
    restricted: r.restricted === 1,
    pendingRequestId: r.pending,
  };
}

/**
 * The files of `office` for the retention page: those due (oldest first), or those whose name contains `query`
 * (for a person's own request). At most LIST_LIMIT rows, and whether there were more.
 */
export async function listRetentionFiles(
  m: EntityManager,
  office: Office,
  years: RetentionYears,
  today: string,
  filter: { query: string; dueOnly: boolean },
): Promise<{ files: RetentionFileView[]; truncated: boolean }> {
  const where = ['c.office = ?'];
  const params: unknown[] = [office];
  if (filter.dueOnly) {
    where.push(DUE_CONDITION);
    params.push(lastYearDue(today, years.clientYears), endOfLastYearDue(today, years.contactYears));
  }
  if (filter.query) {
    where.push(`(instr(lower(c.family_name || ' ' || c.given_names || ' ' || c.alternative_names), lower(?)) > 0)`);
    params.push(filter.query);
  }
  // Due files oldest first (by the date their period runs from), so a cut list still shows the longest overdue.
  const order = filter.dueOnly ? `COALESCE((SELECT MAX(k.closed_on) FROM kim_case k WHERE k.client_id = c.id), substr(c.updated_at, 1, 10)), c.sort_name` : 'c.sort_name';
  const rows = (await m.query(`${FACTS} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${LIST_LIMIT + 1}`, params)) as FactRow[];
  const files = rows.slice(0, LIST_LIMIT).map((r) => toRetentionView(r, years, today));
  if (filter.dueOnly) files.sort((a, b) => (a.dueFrom ?? '9999').localeCompare(b.dueFrom ?? '9999'));
  return { files, truncated: rows.length > LIST_LIMIT };
}

/** At most this many rows per answer: the page says when there are more (ask again with a name). */
export const LIST_LIMIT = 200;

/** The retention facts of one file, or null when the vault holds no such file. */
export async function retentionFacts(m: EntityManager, clientId: string, years: RetentionYears, today: string): Promise<RetentionFileView | null> {
  const [row] = (await m.query(`${FACTS} WHERE c.id = ?`, [clientId])) as FactRow[];
  return row ? toRetentionView(row, years, today) : null;
}
