import type { EntityManager } from 'typeorm';
import { CLOSURE_REASONS, GENDERS, GOAL_STATUSES, LIFE_AREAS, RECHTSKREISE } from '../../contract/case-domain';
import { addDays, berlinDayStart } from '../../contract/dates';
import type { Office } from '../../contract/offices';
import { PARTNER_KINDS } from '../../contract/partner-domain';
import { AGE_BANDS, COUNTED_NEEDS, REFERRAL_OUTCOMES, type AgeBand, type ReferralOutcome, type StatisticsTableId } from '../../contract/statistics-domain';
import { statisticsDefinitions, type StatisticsDefinitions } from './statistics-definitions';

/**
 * The unsuppressed counts of one office and period: the aggregate an office's workstation can later publish
 * (signed, through the sync folder, to Koordination's devices only) and Koordination can add up across offices
 * (combineCounts) before suppressing. Only counts: no id, name, date of a person or free text. Read from plain coded
 * columns only; nothing under a category key is needed.
 */
export interface CountTableData {
  id: StatisticsTableId;
  rows: string[];
  columns: string[];
  /** rows × columns */
  cells: number[][];
  /** The rows' cells add up (each counted item in exactly one column). */
  rowTotals: boolean;
  /** The columns' cells add up (each counted item in exactly one row). */
  columnTotals: boolean;
}

export interface StatisticsCounts {
  office: Office;
  from: string;
  to: string;
  definitionsVersion: string;
  tables: CountTableData[];
  /** Case duration in days → number of cases closed in the period with that duration (adds up across offices). */
  durationDays: Record<string, number>;
}

interface Period {
  office: Office;
  from: string;
  to: string;
  /** Today in Berlin: the reference day of overdue follow-ups is the period's end, at the latest today. */
  today: string;
}

type Row = Record<string, unknown>;

/** Cases of files the office keeps; copies of other offices' files (consent-shared) never count. */
const OWN_CASES = `kim_case k JOIN client c ON c.id = k.client_id AND c.office = ?`;
/** Joins the case of a row (`col`: its case id) and keeps only cases of files the office keeps. */
const caseOf = (col: string) => `JOIN kim_case k ON k.id = ${col} JOIN client c ON c.id = k.client_id AND c.office = ?`;
const ACTIVE = `k.opened_on <= ? AND (k.closed_on IS NULL OR k.closed_on >= ?)`;

function table(id: StatisticsTableId, rows: readonly string[], columns: readonly string[], rowTotals: boolean, columnTotals: boolean): CountTableData & { add(row: string, column: string, n?: number): void } {
  const cells = rows.map(() => columns.map(() => 0));
  return {
    id,
    rows: [...rows],
    columns: [...columns],
    cells,
    rowTotals,
    columnTotals,
    add(row, column, n = 1) {
      const i = rows.indexOf(row);
      const j = columns.indexOf(column);
      if (i < 0 || j < 0) throw new Error(`statistics: ${id} has no cell ${row}/${column}`);
      cells[i]![j]! += n;
    },
  };
}

/** Age in whole years on `day`; missing month or day count as January / the 1st (registry practice). */
export function ageOn(birthDate: string, day: string): number {
  const [y, m = '01', d = '01'] = birthDate.split('-');
  const [ty, tm, td] = day.split('-');
  const age = Number(ty) - Number(y);
  return `${tm}-${td}` < `${m}-${d}` ? age - 1 : age;
}

export function ageBandOf(birthDate: string | null, day: string, defs: StatisticsDefinitions): AgeBand {
  if (!birthDate) return 'unknown';
  const age = ageOn(birthDate, day);
  const band = AGE_BANDS.find((b) => {
    const { minAge, maxAge } = defs.groupings.ageBands[b];
    return minAge !== null && maxAge !== null && age >= minAge && age <= maxAge;
  });
  return band ?? 'unknown';
}

/** A German citizen counts as German; otherwise the first nationality recorded decides. */
export function nationalityGroupOf(nationalities: readonly string[], defs: StatisticsDefinitions): string {
  if (!nationalities.length) return 'unknown';
  const groups = defs.groupings.nationalityGroups;
  const german = groups.find((g) => g.codes.includes('DE'));
  if (german && nationalities.includes('DE')) return german.key;
  return groups.find((g) => g.codes.includes(nationalities[0]!))?.key ?? 'other';
}

export function residenceCategoryOf(type: string | null, defs: StatisticsDefinitions): string {
  if (!type) return 'none';
  return defs.groupings.residenceCategories.find((c) => (c.types as readonly string[]).includes(type))?.key ?? 'none';
}

export function referralOutcomeOf(state: string, result: string | null): ReferralOutcome {
  if (state === 'done') return result === 'successful' ? 'successful' : 'unsuccessful';
  if (state === 'accepted' || state === 'declined') return state;
  return 'awaiting';
}

const parseList = (json: unknown): string[] => {
  try {
    const v = JSON.parse(String(json)) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Counts every table of the report for one office and period (see the definitions file for what each counts). */
export async function countStatistics(tx: EntityManager, p: Period): Promise<StatisticsCounts> {
  const defs = statisticsDefinitions();
  const q = (sql: string, params: unknown[]) => tx.query(sql, params) as Promise<Row[]>;
  const { office: O, from: F, to: T } = p;

  // The office's cases active in the period, once, into a table of this connection: new and closed cases are among
  // them, and so are the clients, needs, closure reasons, goals and durations counted below (each pass over the
  // office's cases joined to their clients costs a scan at 50,000 clients).
  await q(`DROP TABLE IF EXISTS temp.stat_case`, []);
  await q(`CREATE TEMP TABLE stat_case (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, opened TEXT NOT NULL, closed TEXT, rechtskreise TEXT, reason TEXT) WITHOUT ROWID`, []);
  try {
    await q(`INSERT INTO temp.stat_case SELECT k.id, k.client_id, k.opened_on, k.closed_on, k.rechtskreise, k.closure_reason FROM ${OWN_CASES} WHERE ${ACTIVE}`, [O, T, F]);
    return await countActive(q, p, defs);
  } finally {
    await q(`DROP TABLE IF EXISTS temp.stat_case`, []);
  }
}

async function countActive(q: (sql: string, params: unknown[]) => Promise<Row[]>, p: Period, defs: StatisticsDefinitions): Promise<StatisticsCounts> {
  const { office: O, from: F, to: T } = p;
  const cases = table('cases', ['new', 'active', 'closed'], ['count'], false, false);
  const byRechtskreis = table('casesByRechtskreis', [...RECHTSKREISE, 'none'], ['count'], false, false);
  const closure = table('closureReasons', CLOSURE_REASONS, ['count'], false, true);
  const durationDays: Record<string, number> = {};
  for (const r of await q(`SELECT opened, closed, rechtskreise, reason FROM temp.stat_case`, [])) {
    const opened = String(r.opened);
    const closed = (r.closed as string | null) ?? null;
    cases.add('active', 'count');
    if (opened >= F && opened <= T) cases.add('new', 'count');
    const list = parseList(r.rechtskreise).filter((x) => (RECHTSKREISE as readonly string[]).includes(x));
    if (!list.length) byRechtskreis.add('none', 'count');
    for (const x of new Set(list)) byRechtskreis.add(x, 'count');
    if (closed !== null && closed >= F && closed <= T) {
      cases.add('closed', 'count');
      closure.add((CLOSURE_REASONS as readonly string[]).includes(String(r.reason)) ? String(r.reason) : 'other', 'count');
      const days = String(Math.max(0, Math.round((Date.parse(closed) - Date.parse(opened)) / 86_400_000)));
      durationDays[days] = (durationDays[days] ?? 0) + 1;
    }
  }

  // Each person once: the clients with at least one case active in the period.
  const nationalityKeys = [...defs.groupings.nationalityGroups.map((g) => g.key), 'other', 'unknown'];
  const residenceKeys = [...defs.groupings.residenceCategories.map((r) => r.key), 'none'];
  const byAge = table('clientsByAge', AGE_BANDS, ['count'], false, true);
  const byGender = table('clientsByGender', GENDERS, ['count'], false, true);
  const byNationality = table('clientsByNationality', nationalityKeys, ['count'], false, true);
  const byResidence = table('clientsByResidence', residenceKeys, ['count'], false, true);
  const clients = await q(
    `SELECT c.birth_date AS birth, c.gender, c.nationalities,
       (SELECT rs.type FROM residence_status rs WHERE rs.client_id = c.id AND (rs.valid_from IS NULL OR rs.valid_from <= ?)
        ORDER BY coalesce(rs.valid_from, '') DESC, rs.created_at DESC, rs.id DESC LIMIT 1) AS residence
     FROM client c WHERE c.id IN (SELECT client_id FROM temp.stat_case)`,
    [T],
  );
  for (const r of clients) {
    byAge.add(ageBandOf((r.birth as string | null) ?? null, T, defs), 'count');
    byGender.add((GENDERS as readonly string[]).includes(String(r.gender)) ? String(r.gender) : 'unknown', 'count');
    byNationality.add(nationalityGroupOf(parseList(r.nationalities), defs), 'count');
    byResidence.add(residenceCategoryOf((r.residence as string | null) ?? null, defs), 'count');
  }

  const needs = table('needsByLifeArea', LIFE_AREAS, COUNTED_NEEDS, true, false);
  for (const r of await q(
    `SELECT a.area, a.need, count(*) AS n FROM assessment a WHERE a.case_id IN (SELECT id FROM temp.stat_case) AND a.need IN ('some', 'urgent') GROUP BY a.area, a.need`,
    [],
  )) {
    needs.add(String(r.area), String(r.need), Number(r.n));
  }

  const referrals = table('referralsByPartnerKind', PARTNER_KINDS, REFERRAL_OUTCOMES, true, true);
  for (const r of await q(
    `SELECT p.kind, r.state, r.result, count(*) AS n FROM referral r ${caseOf('r.case_id')}
     LEFT JOIN partner p ON p.id = r.partner_id
     WHERE r.deleted_at IS NULL AND r.state <> 'draft' AND r.sent_on BETWEEN ? AND ? GROUP BY p.kind, r.state, r.result`,
    [O, F, T],
  )) {
    const kind = (PARTNER_KINDS as readonly string[]).includes(String(r.kind)) ? String(r.kind) : 'other';
    referrals.add(kind, referralOutcomeOf(String(r.state), (r.result as string | null) ?? null), Number(r.n));
  }

  const conferences = table('conferences', ['held'], ['count'], false, false);
  const [conf] = await q(`SELECT count(*) AS n FROM case_conference cc ${caseOf('cc.case_id')} WHERE cc.held_on BETWEEN ? AND ?`, [O, F, T]);
  conferences.add('held', 'count', Number(conf?.n ?? 0));

  const goals = table('goalOutcomes', LIFE_AREAS, GOAL_STATUSES, true, true);
  for (const r of await q(
    `SELECT g.area, g.status, count(*) AS n FROM goal g WHERE g.case_id IN (SELECT id FROM temp.stat_case WHERE closed BETWEEN ? AND ?) GROUP BY g.area, g.status`,
    [F, T],
  )) {
    goals.add(String(r.area), String(r.status), Number(r.n));
  }

  // Open at the end of the reference day and due before it.
  const reference = T < p.today ? T : p.today;
  const dayAfter = berlinDayStart(addDays(reference, 1));
  const overdue = table('overdueFollowUps', ['overdue'], ['count'], false, false);
  const [od] = await q(
    `SELECT count(*) AS n FROM follow_up f ${caseOf('f.case_id')}
     WHERE f.due_date < ? AND f.created_at < ? AND (f.done_at IS NULL OR f.done_at >= ?)`,
    [O, reference, dayAfter, dayAfter],
  );
  overdue.add('overdue', 'count', Number(od?.n ?? 0));

  const tables = [cases, byAge, byGender, byNationality, byResidence, byRechtskreis, needs, referrals, conferences, closure, goals, overdue];
  return {
    office: O,
    from: F,
    to: T,
    definitionsVersion: defs.version,
    tables: tables.map(({ id, rows, columns, cells, rowTotals, columnTotals }) => ({ id, rows, columns, cells, rowTotals, columnTotals })),
    durationDays,
  };
}

/**
 * Adds up the counts of several offices for the same period and definitions (Koordination, once offices publish
 * their counts through sync): suppression is applied to the sum, never to the parts.
 */
export function combineCounts(parts: readonly StatisticsCounts[]): Omit<StatisticsCounts, 'office'> & { offices: Office[] } {
  const [first, ...rest] = parts;
  if (!first) throw new Error('combineCounts: nothing to combine');
  for (const p of rest) {
    if (p.from !== first.from || p.to !== first.to || p.definitionsVersion !== first.definitionsVersion) throw new Error('combineCounts: different periods or definitions');
  }
  const tables = first.tables.map((t) => ({
    ...t,
    cells: t.cells.map((row, i) => row.map((_, j) => parts.reduce((s, p) => s + (p.tables.find((x) => x.id === t.id)?.cells[i]?.[j] ?? 0), 0))),
  }));
  const durationDays: Record<string, number> = {};
  for (const p of parts) for (const [d, n] of Object.entries(p.durationDays)) durationDays[d] = (durationDays[d] ?? 0) + n;
  return { offices: parts.map((p) => p.office), from: first.from, to: first.to, definitionsVersion: first.definitionsVersion, tables, durationDays };
}
