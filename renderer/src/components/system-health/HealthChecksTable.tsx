import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { HEALTH_CHECKS, type HealthReport } from '../../api/core';
import { useTableStyles } from '../table-styles';

const useStyles = makeStyles({ rowHead: { fontWeight: 'normal', textAlign: 'left' } });

/** Every check with its state in the last run; the full-only checks say so after a quick run. */
export function HealthChecksTable({ report, labelledBy }: { report: HealthReport; labelledBy: string }) {
  const styles = useTableStyles();
  const own = useStyles();
  const { t } = useTranslation();
  return (
    <table className={styles.table} data-testid="health-checks" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {t('systemHealth.checkColumn')}
          </th>
          <th scope="col" className={styles.th}>
            {t('systemHealth.stateColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {HEALTH_CHECKS.map((id) => {
          const result = report.checks.find((c) => c.check === id);
          return (
            <tr key={id}>
              <th scope="row" className={`${styles.td} ${own.rowHead}`}>
                {t(`systemHealth.checks.${id}`)}
              </th>
              <td className={styles.td}>{result ? t(`systemHealth.states.${result.state}`) : t('systemHealth.notRunQuick')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
