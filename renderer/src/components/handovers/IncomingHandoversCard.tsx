import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { hrefs } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { DashboardCard } from '../DashboardCard';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** "Meine Arbeit": files another office handed to this one that no case manager has taken over yet (only when there are some). */
export function IncomingHandoversCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const incoming = useLoad(() => call('handovers.incoming', {}), []);
  if (!incoming.data?.length) return null;
  return (
    <DashboardCard id="incoming-handovers" title={t('handovers.work.title')} description={t('handovers.work.hint')}>
      <ul className={styles.list}>
        {incoming.data.map((h) => (
          <li key={h.id}>
            <Link href={hrefs.client(h.clientId)}>{t('handovers.work.item', { name: h.clientName, office: t(`offices.${h.fromOffice}`), date: formatIsoDay(h.handedOn) })}</Link>
          </li>
        ))}
      </ul>
    </DashboardCard>
  );
}
