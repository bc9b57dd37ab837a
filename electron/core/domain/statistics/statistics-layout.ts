import { formatGermanDay } from '../../contract/dates';
import { OFFICE_POSTAL } from '../../contract/offices';
import type { StatisticsCell, StatisticsReport, StatisticsTable } from '../../contract/types/statistics-types';
import type { StatisticsDefinitions } from './statistics-definitions';

/**
 * The report as rows of a sheet, shared by the CSV and the XLSX export so both say the same: a heading block
 * (office, period, definitions version, how to read '<5' and 'x'), then per table its title, definition, a header
 * row, its rows with their totals and a row of column totals.
 */

export type SheetValue = string | number;
export interface SheetRow {
  kind: 'title' | 'note' | 'heading' | 'definition' | 'header' | 'row' | 'total' | 'blank';
  values: SheetValue[];
}

const cellValue = (c: StatisticsCell): SheetValue => c;

/** Rows of one table: header, body (with row totals), column totals. */
export function tableRows(t: StatisticsTable, defs: StatisticsDefinitions): SheetRow[] {
  const def = defs.tables[t.id];
  const oneColumn = t.columns.length === 1 && !t.rowTotals;
  const header = [def.unit, ...t.columns.map((c) => c.label), ...(t.rowTotals ? [def.rowTotal ?? 'Summe'] : [])];
  const rows: SheetRow[] = [
    { kind: 'heading', values: [t.title] },
    { kind: 'definition', values: [t.definition] },
    { kind: 'header', values: header },
    ...t.rows.map((r, i): SheetRow => ({ kind: 'row', values: [r.label, ...t.cells[i]!.map(cellValue), ...(t.rowTotals ? [cellValue(t.rowTotals[i]!)] : [])] })),
  ];
  if (t.columnTotals) {
    const label = def.columnTotal ?? 'Summe';
    rows.push({
      kind: 'total',
      values: [label, ...t.columnTotals.map(cellValue), ...(t.rowTotals && t.total !== null && !oneColumn ? [cellValue(t.total)] : [])],
    });
  }
  return rows;
}

/** Whose figures: the office, or for combined figures the offices added up (statistics.combine). */
export function reportScope(r: Pick<StatisticsReport, 'office' | 'offices'>): string {
  if (!r.offices) return `${OFFICE_POSTAL[r.office].name}, ${OFFICE_POSTAL[r.office].unit}`;
  return `Summe der Dienststellen: ${r.offices.map((o) => `${OFFICE_POSTAL[o].name}, ${OFFICE_POSTAL[o].unit}`).join('; ')}`;
}

export function reportRows(r: StatisticsReport, defs: StatisticsDefinitions): SheetRow[] {
  const rows: SheetRow[] = [
    { kind: 'title', values: [`${defs.title}: ${reportScope(r)}`] },
    { kind: 'note', values: ['Zeitraum', `${formatGermanDay(r.from)} bis ${formatGermanDay(r.to)}`] },
    { kind: 'note', values: ['Definitionen', `Stand ${r.definitionsVersion} (resources/statistics/definitions.de.json)`] },
    { kind: 'note', values: ['Geltungsbereich', r.notes.scope] },
    { kind: 'note', values: ['< 5', r.notes.primary] },
    { kind: 'note', values: ['x', r.notes.secondary] },
  ];
  for (const t of r.tables) rows.push({ kind: 'blank', values: [] }, ...tableRows(t, defs));
  const d = r.duration;
  rows.push(
    { kind: 'blank', values: [] },
    { kind: 'heading', values: [d.title] },
    { kind: 'definition', values: [d.definition] },
    { kind: 'row', values: [defs.duration.cases, cellValue(d.cases)] },
    { kind: 'row', values: [defs.duration.lowerQuartile, d.lowerQuartile ?? '–'] },
    { kind: 'row', values: [defs.duration.median, d.median ?? '–'] },
    { kind: 'row', values: [defs.duration.upperQuartile, d.upperQuartile ?? '–'] },
  );
  return rows;
}

/** kim-statistik-<office or "dienststellen">-<from>-bis-<to>.<ext> (no personal data; the download guard's pattern). */
export function statisticsFileName(r: Pick<StatisticsReport, 'office' | 'offices' | 'from' | 'to'>, ext: 'csv' | 'xlsx' | 'pdf'): string {
  return `kim-statistik-${r.offices ? 'dienststellen' : r.office}-${r.from}-bis-${r.to}.${ext}`;
}
