import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsReport } from '../../api/core';
import { DashboardCard } from '../DashboardCard';
import { useTableStyles } from '../table-styles';
import { BarChart } from './BarChart';
import { CellText, StatisticsTableView } from './StatisticsTableView';

const useStyles = makeStyles({
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** Tables shown with a bar chart too: one column of counts over several rows. */
const CHARTED = new Set(['clientsByAge', 'clientsByGender', 'clientsByNationality', 'clientsByResidence', 'casesByRechtskreis', 'closureReasons']);

/**
 * The tables (with a chart where one column is counted) and the case duration of a report, each in its card: the
 * own office's figures and the offices' combined ones look the same. `idPrefix` keeps the cards' ids apart.
 */
export function ReportFigures({ report, idPrefix = 'statistics' }: { report: StatisticsReport; idPrefix?: string }) {
  const { t } = useTranslation();
  const table = useTableStyles();
  const styles = useStyles();
  return (
    <>
      {report.tables.map((s) => (
        <DashboardCard key={s.id} id={`${idPrefix}-${s.id}`} title={s.title}>
          {CHARTED.has(s.id) ? <BarChart table={s} /> : null}
          <StatisticsTableView table={s} rowTotalLabel={t('statistics.table.sum')} columnTotalLabel={t('statistics.table.sum')} />
        </DashboardCard>
      ))}

      <DashboardCard id={`${idPrefix}-duration`} title={report.duration.title} description={report.duration.definition}>
        <table className={table.table} data-testid={`${idPrefix}-duration`}>
          <thead>
            <tr>
              <th className={table.th} scope="col">
                {t('statistics.duration.figure')}
              </th>
              <th className={`${table.th} ${styles.number}`} scope="col">
                {t('statistics.duration.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            <DurationRow label={t('statistics.duration.cases')} value={<CellText cell={report.duration.cases} />} />
            {(['lowerQuartile', 'median', 'upperQuartile'] as const).map((k) => (
              <DurationRow key={k} label={t(`statistics.duration.${k}`)} value={report.duration[k] === null ? t('statistics.duration.notShown') : <CellText cell={report.duration[k]} />} />
            ))}
          </tbody>
        </table>
      </DashboardCard>
    </>
  );
}

function DurationRow({ label, value }: { label: string; value: ReactNode }) {
  const table = useTableStyles();
  const styles = useStyles();
  return (
    <tr>
      <th className={table.td} scope="row">
        {label}
      </th>
      <td className={`${table.td} ${styles.number}`}>{value}</td>
    </tr>
  );
}
