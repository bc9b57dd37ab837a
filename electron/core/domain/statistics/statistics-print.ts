import { MAX_PRINT_HTML_BYTES } from '../../contract/types/print-types';
import type { StatisticsCell, StatisticsReport, StatisticsTable } from '../../contract/types/statistics-types';
import { germanDate, html, printDocumentHtml, type SafeHtml } from '../../platform/print/print-html';
import { SHEET_CSS } from '../../platform/print/sheet-style';
import type { StatisticsDefinitions } from './statistics-definitions';
import { reportScope, statisticsFileName } from './statistics-layout';

/**
 * The statistics report as a print document (tagged PDF through the print pipeline): per table a caption, its
 * definition and a data table with header cells, totals marked as such. Only aggregates and the wording of the
 * definitions file: nothing of a file.
 */

const STATISTICS_CSS = `${SHEET_CSS}
table.data td.n, table.data th.n { text-align: end; padding-inline-end: 2mm; }
table.data tr.sum th, table.data tr.sum td { border-top: 0.3mm solid #000; font-weight: bold; }
caption { text-align: start; font-weight: bold; font-size: 10pt; margin: 2mm 0 1mm 0; }
.definition { font-size: 8.5pt; color: #222; }
`;

const shown = (c: StatisticsCell): string => (typeof c === 'number' ? c.toLocaleString('de-DE') : c === '<5' ? '< 5' : 'x');

function tableHtml(t: StatisticsTable, defs: StatisticsDefinitions): SafeHtml {
  const def = defs.tables[t.id];
  const oneColumn = t.columns.length === 1 && !t.rowTotals;
  const rowTotalLabel = def.rowTotal ?? 'Summe';
  return html`<section class="keep"><table class="data"><caption>${t.title}</caption><thead><tr><th scope="col">${def.unit}</th>${t.columns.map(
    (c) => html`<th scope="col" class="n">${c.label}</th>`,
  )}${t.rowTotals ? html`<th scope="col" class="n">${rowTotalLabel}</th>` : null}</tr></thead><tbody>${t.rows.map(
    (r, i) =>
      html`<tr><th scope="row">${r.label}</th>${t.cells[i]!.map((c) => html`<td class="n">${shown(c)}</td>`)}${
        t.rowTotals ? html`<td class="n">${shown(t.rowTotals[i]!)}</td>` : null
      }</tr>`,
  )}${
    t.columnTotals
      ? html`<tr class="sum"><th scope="row">${def.columnTotal ?? 'Summe'}</th>${t.columnTotals.map((c) => html`<td class="n">${shown(c)}</td>`)}${
          t.rowTotals && t.total !== null && !oneColumn ? html`<td class="n">${shown(t.total)}</td>` : null
        }</tr>`
      : null
  }</tbody></table><p class="definition">${t.definition}</p></section>`;
}

/** The print document of statistics.print. */
export function statisticsPrintDocument(r: StatisticsReport, defs: StatisticsDefinitions): { fileName: string; html: string } {
  const d = r.duration;
  const num = (x: number | null) => (x === null ? '–' : x.toLocaleString('de-DE'));
  const body = html`<header><h1>${defs.title}</h1><p class="lead">${reportScope(r)}</p><p class="lead">Zeitraum: ${germanDate(r.from)} bis ${germanDate(
    r.to,
  )}</p><p class="lead">Definitionen: Stand ${r.definitionsVersion}; berechnet am ${germanDate(r.computedAt.slice(0, 10))}</p></header>
<section><h2>Lesehilfe</h2><ul><li>${r.notes.scope}</li><li>${r.notes.primary}</li><li>${r.notes.secondary}</li></ul></section>
<section><h2>Zahlen</h2>${r.tables.map((t) => tableHtml(t, defs))}
<section class="keep"><table class="data"><caption>${d.title}</caption><thead><tr><th scope="col">Kennzahl</th><th scope="col" class="n">Wert</th></tr></thead><tbody>
<tr><th scope="row">${defs.duration.cases}</th><td class="n">${shown(d.cases)}</td></tr>
<tr><th scope="row">${defs.duration.lowerQuartile}</th><td class="n">${num(d.lowerQuartile)}</td></tr>
<tr><th scope="row">${defs.duration.median}</th><td class="n">${num(d.median)}</td></tr>
<tr><th scope="row">${defs.duration.upperQuartile}</th><td class="n">${num(d.upperQuartile)}</td></tr>
</tbody></table><p class="definition">${d.definition}</p></section></section>`;
  const document = printDocumentHtml({ title: `${defs.title} ${germanDate(r.from)} bis ${germanDate(r.to)}`, lang: 'de', dir: 'ltr', css: STATISTICS_CSS, body });
  if (Buffer.byteLength(document, 'utf8') > MAX_PRINT_HTML_BYTES) throw new Error('statistics print document too large');
  return { fileName: statisticsFileName(r, 'pdf'), html: document };
}
