import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { StatisticsCell, StatisticsTable } from '../../api/core';
import { useTableStyles } from '../table-styles';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  sum: { fontWeight: tokens.fontWeightSemibold },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalS} 0` },
  definition: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** A published cell as text: counts in German format, '< 5' and 'x' with their meaning for screen readers. */
export function CellText({ cell }: { cell: StatisticsCell }) {
  const { t, i18n } = useTranslation();
  if (cell === '<5') return <abbr title={t('statistics.table.suppressed')}>&lt; 5</abbr>;
  if (cell === 'x') return <abbr title={t('statistics.table.withheld')}>x</abbr>;
  return <>{cell.toLocaleString(i18n.language === 'de' ? 'de-DE' : 'en-GB')}</>;
}

/** One table of the report as a native data table (caption, header cells, totals), with its definition below. */
export function StatisticsTableView({ table: s, rowTotalLabel, columnTotalLabel }: { table: StatisticsTable; rowTotalLabel: string; columnTotalLabel: string }) {
  const styles = useStyles();
  const table = useTableStyles();
  const definitionId = `statistics-${s.id}-definition`;
  return (
    <div className={styles.wrap}>
      <table className={table.table} aria-describedby={definitionId} data-testid={`statistics-table-${s.id}`}>
        <caption className={styles.caption}>{s.title}</caption>
        <thead>
          <tr>
            <th className={table.th} scope="col">
              {s.unit}
            </th>
            {s.columns.map((c) => (
              <th key={c.key} className={`${table.th} ${styles.number}`} scope="col">
                {c.label}
              </th>
            ))}
            {s.rowTotals ? (
              <th className={`${table.th} ${styles.number}`} scope="col">
                {rowTotalLabel}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r, i) => (
            <tr key={r.key}>
              <th className={table.td} scope="row">
                {r.label}
              </th>
              {s.cells[i]!.map((cell, j) => (
                <td key={s.columns[j]!.key} className={`${table.td} ${styles.number}`}>
                  <CellText cell={cell} />
                </td>
              ))}
              {s.rowTotals ? (
                <td className={`${table.td} ${styles.number} ${styles.sum}`}>
                  <CellText cell={s.rowTotals[i]!} />
                </td>
              ) : null}
            </tr>
          ))}
          {s.columnTotals ? (
            <tr>
              <th className={`${table.td} ${styles.sum}`} scope="row">
                {columnTotalLabel}
              </th>
              {s.columnTotals.map((cell, j) => (
                <td key={s.columns[j]!.key} className={`${table.td} ${styles.number} ${styles.sum}`}>
                  <CellText cell={cell} />
                </td>
              ))}
              {s.rowTotals && s.total !== null ? (
                <td className={`${table.td} ${styles.number} ${styles.sum}`}>
                  <CellText cell={s.total} />
                </td>
              ) : null}
            </tr>
          ) : null}
        </tbody>
      </table>
      <p id={definitionId} className={styles.definition}>
        {s.definition}
      </p>
    </div>
  );
}
