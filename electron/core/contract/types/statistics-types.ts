import type { Office } from '../offices';
import type { StatisticsTableId } from '../statistics-domain';

/**
 * A published cell: the count, '<5' when it is below the threshold (primary suppression), or 'x' when it is kept
 * back so that no '<5' cell can be computed from the totals (secondary suppression; Destatis' sign for "secret").
 */
export type StatisticsCell = number | '<5' | 'x';

export interface StatisticsLabel {
  key: string;
  label: string;
}

/** One table of the report: counts only, labelled from the definitions file. */
export interface StatisticsTable {
  id: StatisticsTableId;
  title: string;
  /** What is counted, in words (definitions file). */
  definition: string;
  /** What one unit is ("Fälle", "Personen", "Vermittlungen"). */
  unit: string;
  rows: StatisticsLabel[];
  columns: StatisticsLabel[];
  /** rows × columns */
  cells: StatisticsCell[][];
  /** Per row, the sum of its cells; null when the rows' cells do not add up (a case counts in several columns). */
  rowTotals: StatisticsCell[] | null;
  /** Per column, the sum over the rows; null when the rows overlap. */
  columnTotals: StatisticsCell[] | null;
  /** The table's grand total; null when neither margin is additive. */
  total: StatisticsCell | null;
}

/** Case duration in days (opening to closure) of the cases closed in the period. */
export interface StatisticsDuration {
  title: string;
  definition: string;
  cases: StatisticsCell;
  /** null below DURATION_MIN_CASES closed cases. */
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
}

/** statistics.compute: aggregates of one office and period; no name, id or free text of any file. */
export interface StatisticsReport {
  office: Office;
  /** Combined figures (statistics.combine): the offices whose counts were added up. */
  offices?: Office[];
  from: string;
  to: string;
  /** When it was computed (ISO instant). */
  computedAt: string;
  /** The version of the definitions file the figures follow. */
  definitionsVersion: string;
  threshold: number;
  tables: StatisticsTable[];
  duration: StatisticsDuration;
  /** How to read "< 5" and "x" (definitions file). */
  notes: { primary: string; secondary: string; scope: string };
}

/** statistics.exportCsv / exportXlsx: the file to save, built by core (the page only hands it to the save dialog). */
export interface StatisticsFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** File names of statistics downloads; the download guard lets exactly these through. */
export const STATISTICS_FILE_NAME = /^kim-statistik-[a-z-]+-\d{4}-\d{2}-\d{2}-bis-\d{4}-\d{2}-\d{2}\.(csv|xlsx)$/;

/** A workstation Koordination's aggregates are encrypted to (statistics.publish names them; no keys). */
export interface AggregateRecipient {
  deviceId: string;
  office: Office;
  fingerprint: string;
}

/** statistics.publish: what went to the shared folder, encrypted to Koordination's workstations. */
export interface AggregatePublication {
  office: Office;
  from: string;
  to: string;
  definitionsVersion: string;
  publishedAt: string;
  recipients: AggregateRecipient[];
}

/** One office's aggregate as Koordination received it: signature verified, the latest of its office and period. */
export interface ReceivedAggregate {
  office: Office;
  from: string;
  to: string;
  definitionsVersion: string;
  publishedAt: string;
  /** The publishing workstation (device id) and its fingerprint, as IT compares it. */
  deviceId: string;
  fingerprint: string;
  /** Always true: a record whose signature does not verify is refused and never listed. */
  signatureVerified: true;
}

/** statistics.aggregates: what this (Koordination's) workstation has received. */
export interface AggregateOverview {
  /** This workstation's signed statement that it receives aggregates stands on the shared folder. */
  receiving: boolean;
  /** The definitions version this workstation combines with. */
  definitionsVersion: string;
  aggregates: ReceivedAggregate[];
  /** Records refused (altered, unsigned, from an unknown device): logged, never shown. */
  refused: number;
  /** Records encrypted to other workstations only (published before this one started receiving). */
  notAddressed: number;
}

/** statistics.combine: the offices' figures added up and suppressed only after adding. */
export interface CombinedStatistics {
  report: StatisticsReport;
  included: ReceivedAggregate[];
  /** KIM offices without a published aggregate for the period. */
  missing: Office[];
}
