import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { AggregatePublication, Office } from '../../api/core';
import { errorText } from '../../api/error-text';
import { formatIsoDay } from '../../format/partial-date';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * "An Koordination melden": the office's counts of the chosen period go, signed and encrypted to Koordination's
 * workstations only, through the shared folder. Reporting the period again replaces the earlier report.
 */
export function ReportToKoordination({ period, office }: { period: { from: string; to: string }; office: Office }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<AggregatePublication | null>(null);

  const publish = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call('statistics.publish', period));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DashboardCard
      id="statistics-report"
      title={t('statistics.report.title')}
      description={t('statistics.report.lead', { office: t(`offices.${office}`), from: formatIsoDay(period.from), to: formatIsoDay(period.to) })}
    >
      <FormAlert message={error ? errorText(t, error) : null} />
      <StatusNotice
        message={done ? t('statistics.report.done', { count: done.recipients.length, from: formatIsoDay(done.from), to: formatIsoDay(done.to) }) : null}
      />
      {done ? (
        <ul className={styles.list} aria-label={t('statistics.report.recipients')}>
          {done.recipients.map((r) => (
            <li key={r.deviceId}>{t('statistics.report.recipient', { office: t(`offices.${r.office}`), fingerprint: r.fingerprint })}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.buttons}>
        <Button onClick={() => void publish()} disabled={busy}>
          {t('statistics.report.submit')}
        </Button>
        {busy ? <Spinner size="tiny" label={t('statistics.report.working')} /> : null}
      </div>
    </DashboardCard>
  );
}
