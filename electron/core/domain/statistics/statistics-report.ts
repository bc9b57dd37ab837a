import type { Office } from '../../contract/offices';
import { DURATION_MIN_CASES, SUPPRESSION_THRESHOLD, type StatisticsTableId } from '../../contract/statistics-domain';
import type { StatisticsCell, StatisticsDuration, StatisticsLabel, StatisticsReport, StatisticsTable } from '../../contract/types/statistics-types';
import { gridOf, suppressTable, totalOf, type CellMark } from './cell-suppression';
import type { CountTableData, StatisticsCounts } from './statistics-counts';
import type { StatisticsDefinitions } from './statistics-definitions';

/**
 * Turns counts into the published report: labels and definitions from the definitions file, every table
 * suppressed (cell-suppression.ts), case duration only from DURATION_MIN_CASES closed cases.
 */

function rowLabels(id: StatisticsTableId, t: CountTableData, defs: StatisticsDefinitions): StatisticsLabel[] {
  const g = defs.groupings;
  const own = defs.tables[id].rows;
  return t.rows.map((key) => {
    let label: string | undefined;
    if (id === 'clientsByAge') label = g.ageBands[key as keyof typeof g.ageBands]?.label;
    else if (id === 'clientsByNationality') label = g.nationalityGroups.find((n) => n.key === key)?.label ?? (key === 'other' ? g.nationalityOther : g.nationalityUnknown);
    else if (id === 'clientsByResidence') label = g.residenceCategories.find((r) => r.key === key)?.label ?? g.residenceNone;
    else label = own?.[key];
    if (!label) throw new Error(`statistics definitions: no label for ${id}.${key}`);
    return { key, label };
  });
}

function columnLabels(id: StatisticsTableId, t: CountTableData, defs: StatisticsDefinitions): StatisticsLabel[] {
  return t.columns.map((key) => {
    const label = defs.tables[id].columns[key];
    if (!label) throw new Error(`statistics definitions: no label for ${id} column ${key}`);
    return { key, label };
  });
}

const publish = (value: number, mark: CellMark): StatisticsCell => (mark === 'primary' ? '<5' : mark === 'secondary' ? 'x' : value);

/** One table, suppressed: cells, margins and total as published. */
export function publishTable(t: CountTableData, defs: StatisticsDefinitions, threshold = SUPPRESSION_THRESHOLD): StatisticsTable {
  const def = defs.tables[t.id];
  const grid = gridOf(t);
  const p = suppressTable(t, threshold);
  const marks: CellMark[][] = p.cells.map((row, i) => (p.rowTotals ? [...row, p.rowTotals[i]!] : [...row]));
  if (p.columnTotals) marks.push(p.rowTotals ? [...p.columnTotals, p.total!] : [...p.columnTotals]);
  const cell = (i: number, j: number) => publish(grid.values[i]![j]!, marks[i]![j]!);
  const R = t.rows.length;
  const C = t.columns.length;
  return {
    id: t.id,
    title: def.title,
    definition: def.definition,
    unit: def.unit,
    rows: rowLabels(t.id, t, defs),
    columns: columnLabels(t.id, t, defs),
    cells: t.rows.map((_, i) => t.columns.map((__, j) => cell(i, j))),
    // A table of one column has its sum in the column total; a row total there would repeat each cell.
    rowTotals: t.rowTotals ? t.rows.map((_, i) => cell(i, C)) : null,
    columnTotals: t.columnTotals ? t.columns.map((_, j) => cell(R, j)) : null,
    total: totalOf(
      grid,
      grid.values.map((row, i) => row.map((_, j) => cell(i, j))),
    ),
  };
}

/** The q-quantile of sorted values, linear between neighbours (Excel's QUARTILE.INC / PERCENTILE.INC). */
export function quantileInclusive(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

export function publishDuration(durationDays: Record<string, number>, defs: StatisticsDefinitions, threshold = SUPPRESSION_THRESHOLD): StatisticsDuration {
  const sorted = Object.entries(durationDays)
    .flatMap(([d, n]) => Array.from({ length: n }, () => Number(d)))
    .sort((a, b) => a - b);
  const n = sorted.length;
  const shown = n >= DURATION_MIN_CASES;
  return {
    title: defs.duration.title,
    definition: defs.duration.definition,
    cases: n >= 1 && n < threshold ? '<5' : n,
    median: shown ? oneDecimal(quantileInclusive(sorted, 0.5)) : null,
    lowerQuartile: shown ? oneDecimal(quantileInclusive(sorted, 0.25)) : null,
    upperQuartile: shown ? oneDecimal(quantileInclusive(sorted, 0.75)) : null,
  };
}

/** The report of counted figures (one office's, or later the sum of several: suppression comes after adding up). */
export function publishStatistics(counts: Omit<StatisticsCounts, 'office'>, office: Office, defs: StatisticsDefinitions, computedAt: Date): StatisticsReport {
  return {
    office,
    from: counts.from,
    to: counts.to,
    computedAt: computedAt.toISOString(),
    definitionsVersion: defs.version,
    threshold: SUPPRESSION_THRESHOLD,
    tables: counts.tables.map((t) => publishTable(t, defs)),
    duration: publishDuration(counts.durationDays, defs),
    notes: { primary: defs.notes.primary, secondary: defs.notes.secondary, scope: defs.notes.scope },
  };
}
