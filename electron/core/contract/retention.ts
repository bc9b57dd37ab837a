/**
 * How long a client file is kept: the one definition of the retention rule, read by the Art. 15 report (which must
 * state the storage period or its criteria) and by the deletion work that will follow. No KIM-specific rule exists;
 * municipal practice for social files is 6–10 years after the end of the year the file closed (KGSt), so the
 * default is 10 years after the end of the year the last case was closed. A later machine-policy setting replaces
 * `years`; everything else asks this module.
 */
export const DEFAULT_RETENTION_YEARS = 10;

/** What the rule looks at in a file. */
export interface RetentionFacts {
  /** Cases still open: the file is in use, no end is set. */
  openCases: number;
  /** The latest closing date of its cases (YYYY-MM-DD), or null when it never had a closed case. */
  lastClosedOn: string | null;
  /** When the file was created (YYYY-MM-DD): the start for a person who never became a client with a case. */
  createdOn: string;
}

/**
 * - `open`: a case is open; the period starts when the last case is closed.
 * - `until`: kept until the end of `keepUntil` (31 December), deletion due after it; `from` says which fact started it.
 */
export type RetentionPeriod =
  | { kind: 'open'; years: number }
  | { kind: 'until'; years: number; from: 'last-case-closed' | 'file-created'; basisDate: string; keepUntil: string };

/** The retention period of a file under the rule (`years` after the end of the year of the basis date). */
export function retentionPeriod(facts: RetentionFacts, years: number = DEFAULT_RETENTION_YEARS): RetentionPeriod {
  if (facts.openCases > 0) return { kind: 'open', years };
  const from = facts.lastClosedOn ? 'last-case-closed' : 'file-created';
  const basisDate = facts.lastClosedOn ?? facts.createdOn;
  const year = Number(basisDate.slice(0, 4));
  return { kind: 'until', years, from, basisDate, keepUntil: `${year + years}-12-31` };
}
