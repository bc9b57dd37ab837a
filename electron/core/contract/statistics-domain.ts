import type { Role } from './offices';

/**
 * KIM programme statistics (issue 12, item 1): anonymised aggregates of one office and period. Vocabularies, the
 * tables the report holds and who may see them. What each figure counts is written in
 * resources/statistics/definitions.de.json (the one place an office explains its numbers from).
 */

/** Cells below this are suppressed ("< 5"); NRW and Destatis practice for social statistics. */
export const SUPPRESSION_THRESHOLD = 5;
/** Median and quartiles of case duration are shown only from this many closed cases (fewer would reveal single cases). */
export const DURATION_MIN_CASES = 10;
/** The longest period one report covers (a funding period of five years, plus slack for leap days). */
export const MAX_PERIOD_DAYS = 5 * 366;

export const AGE_BANDS = ['under-18', '18-26', '27-44', '45-64', '65-plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Where a referral sent in the period stands at the end of the period's computation. */
export const REFERRAL_OUTCOMES = ['awaiting', 'accepted', 'declined', 'successful', 'unsuccessful'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Needs that count as "Bedarf" in the life-area table (none is not a need). */
export const COUNTED_NEEDS = ['some', 'urgent'] as const;

/**
 * The tables of a report, in the order shown, exported and printed. Each has a definition in the definitions file;
 * the export mapping to the Land's KIM database (later) addresses cells as `<table>.<row>.<column>`.
 */
export const STATISTICS_TABLES = [
  'cases',
  'clientsByAge',
  'clientsByGender',
  'clientsByNationality',
  'clientsByResidence',
  'casesByRechtskreis',
  'needsByLifeArea',
  'referralsByPartnerKind',
  'conferences',
  'closureReasons',
  'goalOutcomes',
  'overdueFollowUps',
] as const;
export type StatisticsTableId = (typeof STATISTICS_TABLES)[number];

/** The one scalar figure that is not a count: case duration in days (closed cases of the period). */
export const DURATION_FIGURE = 'caseDuration';

/**
 * Who sees the statistics. Koordination reports the programme's figures to the Kreis and the Land. Fallmanagement
 * keeps the files counted and uses its office's figures in team and steering meetings: the aggregates show less than
 * the files it already reads. Not Verwaltung (its role never reads Gesundheit, and the figures count health needs
 * and health goals), nor ABH (keeps no KIM files), Datenschutz (checks processing through the audit trail, not
 * programme figures) or IT (sees no client data).
 */
export const STATISTICS_ROLES = {
  view: ['koordination', 'fallmanagement'],
  export: ['koordination', 'fallmanagement'],
  /** Report the own office's counts to Koordination (issue 12 item 2): whoever keeps and explains the figures. */
  publish: ['koordination', 'fallmanagement'],
  /** Receive the offices' counts and add them up: Koordination reports the Kreis' figures. */
  combine: ['koordination'],
} as const satisfies Record<string, readonly Role[]>;
export type StatisticsPermission = keyof typeof STATISTICS_ROLES;

export function statisticsAllows(role: Role, what: StatisticsPermission): boolean {
  return (STATISTICS_ROLES[what] as readonly Role[]).includes(role);
}
