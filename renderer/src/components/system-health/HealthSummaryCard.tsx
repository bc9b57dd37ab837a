import { Link, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { hrefs } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { DashboardCard } from '../DashboardCard';
import { FormAlert } from '../FormAlert';
import { HealthFindingsList } from './HealthFindingsList';

const useStyles = makeStyles({ text: { margin: 0 } });

/**
 * On IT's start page: the quick checks run at sign-in (milliseconds: policy, schema, disk, share, backup age), and
 * what fails is shown at once, with a link to the full view. The expensive checks wait for IT's button.
 */
export function HealthSummaryCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const quick = useLoad(() => call('system.health', { scope: 'quick' }), []);
  const attention = quick.data?.findings.filter((f) => f.severity !== 'info') ?? [];
  return (
    <DashboardCard id="health-summary" title={t('systemHealth.summary.title')}>
      <FormAlert message={quick.error ? errorText(t, quick.error) : null} />
      {quick.data ? (
        attention.length ? (
          <>
            <p className={styles.text}>{t('systemHealth.findingsCount', { count: attention.length })}</p>
            <HealthFindingsList findings={attention} />
          </>
        ) : (
          <p className={styles.text}>{t('systemHealth.summary.ok')}</p>
        )
      ) : null}
      <Link href={hrefs.systemHealth}>
        {t('systemHealth.summary.link')}
      </Link>
    </DashboardCard>
  );
}
