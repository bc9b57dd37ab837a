import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import type { CombinedStatistics, StatisticsCell, StatisticsReport, StatisticsTable } from '../../core/contract/types/statistics-types';
import { callCore, unlockForCommand } from '../core-call';

type Keyed = Record<string, StatisticsCell>;

/** A table keyed by its codes, for scripts: cells[row][column], totals by row / column code. */
function keyedTable(t: StatisticsTable) {
  return {
    title: t.title,
    unit: t.unit,
    cells: Object.fromEntries(t.rows.map((r, i) => [r.key, Object.fromEntries(t.columns.map((c, j) => [c.key, t.cells[i]![j]!])) as Keyed])),
    rowTotals: t.rowTotals ? (Object.fromEntries(t.rows.map((r, i) => [r.key, t.rowTotals![i]!])) as Keyed) : null,
    columnTotals: t.columnTotals ? (Object.fromEntries(t.columns.map((c, j) => [c.key, t.columnTotals![j]!])) as Keyed) : null,
    total: t.total,
  };
}

/** The report as the Kreis' reporting scripts read it: codes as keys, counts as numbers, suppressed cells "<5" or "x". */
export function statsJson(r: StatisticsReport) {
  return {
    office: r.office,
    from: r.from,
    to: r.to,
    computedAt: r.computedAt,
    definitionsVersion: r.definitionsVersion,
    threshold: r.threshold,
    tables: Object.fromEntries(r.tables.map((t) => [t.id, keyedTable(t)])),
    caseDuration: { cases: r.duration.cases, lowerQuartile: r.duration.lowerQuartile, median: r.duration.median, upperQuartile: r.duration.upperQuartile },
  };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** With --combined: which offices' reports were added up, and which offices did not report the period. */
function combinedJson(c: CombinedStatistics) {
  return {
    offices: c.included.map((a) => a.office),
    missing: c.missing,
    reports: c.included.map((a) => ({ office: a.office, publishedAt: a.publishedAt, device: a.deviceId, fingerprint: a.fingerprint, definitionsVersion: a.definitionsVersion })),
  };
}

/**
 * kim-akte stats: the office's KIM statistics for a period (same figures, suppression and audit entry as the app);
 * with --combined, Koordination's sum of the offices' reported figures for exactly that period.
 */
export async function statsCommand(
  opts: { dataDir: string; user: string; from: string; to: string; json?: boolean; combined?: boolean },
  out: (line: string) => void,
): Promise<void> {
  const core = new CoreDispatcher({ dataDir: resolve(opts.dataDir), appVersion: APP_VERSION });
  try {
    await unlockForCommand(core, opts.user);
    const combined = opts.combined ? await callCore(core, 'statistics.combine', { from: opts.from, to: opts.to }) : null;
    const report = combined ? combined.report : await callCore(core, 'statistics.compute', { from: opts.from, to: opts.to });
    if (opts.json) {
      const json = combined ? { ...statsJson(report), combined: combinedJson(combined) } : statsJson(report);
      out(JSON.stringify(json, null, 2));
      return;
    }
    const scope = combined
      ? `offices ${combined.included.map((a) => a.office).join(', ')} combined${combined.missing.length ? ` (not reported: ${combined.missing.join(', ')})` : ''}`
      : `office ${report.office}`;
    out(`KIM statistics, ${scope}, ${report.from} to ${report.to} (definitions ${report.definitionsVersion}; "<5": below 5, "x": withheld)`);
    for (const t of report.tables) {
      out('');
      out(t.title);
      const header = ['', ...t.columns.map((c) => c.label), ...(t.rowTotals ? ['Summe'] : [])];
      out(header.map((h, i) => pad(h, i === 0 ? 40 : 14)).join(''));
      t.rows.forEach((r, i) => out([r.label, ...t.cells[i]!.map(String), ...(t.rowTotals ? [String(t.rowTotals[i])] : [])].map((v, k) => pad(v, k === 0 ? 40 : 14)).join('')));
      if (t.columnTotals) out(['Summe', ...t.columnTotals.map(String)].map((v, k) => pad(v, k === 0 ? 40 : 14)).join(''));
    }
    const d = report.duration;
    out('');
    out(`${d.title}: ${String(d.cases)} closed cases; quartiles ${d.lowerQuartile ?? '-'} / ${d.median ?? '-'} / ${d.upperQuartile ?? '-'} days`);
  } finally {
    await core.close();
  }
}
