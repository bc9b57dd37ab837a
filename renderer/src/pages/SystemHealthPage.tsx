import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { HealthReport } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { HealthChecksTable } from '../components/system-health/HealthChecksTable';
import { HealthFindingsList } from '../components/system-health/HealthFindingsList';
import { formatDate, formatTime } from '../format/date';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  healthy: { margin: 0 },
});

/**
 * "Systemzustand" for IT administrators: the quick checks run on opening (as at sign-in), the full check on demand
 * (it reads the whole vault), and orphaned document files can be moved to the quarantine folder. Findings come as
 * codes with numbers; the German message and fix are the UI's own texts.
 */
export function SystemHealthPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const loaded = useLoad(() => call('system.health', { scope: 'quick' }), []);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const report: HealthReport | null = loaded.data;

  const run = async (work: () => Promise<HealthReport>) => {
    setRunning(true);
    setError(null);
    try {
      loaded.set(await work());
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  const check = (scope: 'quick' | 'full') => run(() => call('system.health', { scope }));
  const repair = () =>
    run(async () => {
      const r = await call('system.repair', {});
      setNotice(r.quarantined ? t('systemHealth.repaired', { count: r.quarantined, folder: r.folder }) : t('systemHealth.repairedNone'));
      return call('system.health', { scope: 'full' });
    });

  const needsAttention = report?.findings.filter((f) => f.severity !== 'info') ?? [];
  const hasOrphans = report?.findings.some((f) => f.code === 'health.orphanedFiles') ?? false;
  const failure = error ?? loaded.error;
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('systemHealth.title')}
        lead={t('systemHealth.lead')}
        actions={
          <div className={styles.actions}>
            <Button onClick={() => void check('quick')} disabledFocusable={running || loaded.loading}>
              {t('systemHealth.runQuick')}
            </Button>
            <Button appearance="primary" onClick={() => void check('full')} disabledFocusable={running || loaded.loading}>
              {t('systemHealth.runFull')}
            </Button>
          </div>
        }
      />
      <div>
        <StatusNotice message={notice} />
        <FormAlert message={failure ? errorText(t, failure) : null} />
      </div>
      {running || loaded.loading ? <Spinner size="small" label={t('systemHealth.running')} /> : null}
      {report ? (
        <>
          <p className={styles.meta} data-testid="health-checked-at">
            {t('systemHealth.checkedAt', {
              date: formatDate(report.checkedAt),
              time: formatTime(report.checkedAt),
              scope: t(`systemHealth.scope.${report.scope}`),
              ms: report.tookMs,
            })}
          </p>
          <div className={styles.grid}>
            <DashboardCard
              id="health-findings"
              title={t('systemHealth.findingsTitle')}
              description={needsAttention.length ? t('systemHealth.findingsCount', { count: needsAttention.length }) : undefined}
            >
              {report.findings.length ? <HealthFindingsList findings={report.findings} /> : <p className={styles.healthy}>{t('systemHealth.healthy')}</p>}
              {hasOrphans ? (
                <div className={styles.actions}>
                  <Button onClick={() => void repair()} disabledFocusable={running}>
                    {t('systemHealth.repair')}
                  </Button>
                </div>
              ) : null}
            </DashboardCard>
            <DashboardCard id="health-checks" title={t('systemHealth.checksTitle')}>
              <HealthChecksTable report={report} labelledBy="health-checks-title" />
            </DashboardCard>
          </div>
        </>
      ) : null}
    </div>
  );
}
