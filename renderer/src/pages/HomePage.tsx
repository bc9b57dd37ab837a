import { Link, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { HomeSummary, SessionUser, VaultStatus } from '../api/core';
import { errorText } from '../api/error-text';
import { hrefs } from '../app/routes';
import { MASTER_DRAFT_PREFIX } from '../components/clients/client-form-model';
import { CONFERENCE_DRAFT_PREFIX, caseOfConferenceDraft } from '../components/conferences/conference-draft';
import { WorkOverviewCards } from '../components/cases/WorkOverviewCards';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert } from '../components/FormAlert';
import { IdleLockSettingsCard } from '../components/IdleLockSettingsCard';
import { MachinePolicyCard } from '../components/MachinePolicyCard';
import { ScratchNoteCard } from '../components/ScratchNoteCard';
import { HealthSummaryCard } from '../components/system-health/HealthSummaryCard';
import { formatDate } from '../format/date';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  lead: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground2 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

interface Props {
  user: SessionUser;
  status: VaultStatus;
  onIdleLockMinutesChanged: (minutes: number) => void;
}

/** "Übersicht": who and where, facts about this workstation, open drafts, the scratch note, admin settings. */
export function HomePage({ user, status, onIdleLockMinutesChanged }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('home.summary', {}).then(setSummary, (e: unknown) => setError(`${t('home.loadFailed')} ${errorText(t, e)}`));
  }, [t]);

  return (
    <div className={styles.page}>
      <div>
        <h1 className={styles.h1}>{t('home.title')}</h1>
        <p className={styles.lead}>
          {t('home.welcome', { name: user.displayName })} · {t('home.today', { date: formatDate(new Date()) })}
        </p>
      </div>
      <FormAlert message={error} />
      {user.role === 'fallmanagement' || user.role === 'verwaltung' || user.role === 'abh' ? (
        <>
          <h2 className={styles.h2}>{t('work.title')}</h2>
          <WorkOverviewCards />
          <h2 className={styles.h2}>{t('home.workstation')}</h2>
        </>
      ) : null}
      <div className={styles.grid}>
        <DashboardCard id="workstation" title={t('home.workstation')}>
          {summary ? (
            <dl className={styles.facts}>
              <dt className={styles.term}>{t('home.office')}</dt>
              <dd className={styles.value}>{t(`offices.${summary.office}`)}</dd>
              <dt className={styles.term}>{t('home.role')}</dt>
              <dd className={styles.value}>{t(`roles.${user.role}`)}</dd>
              <dt className={styles.term}>{t('home.accounts')}</dt>
              <dd className={styles.value} data-testid="account-count">
                {summary.accountCount}
              </dd>
              <dt className={styles.term}>{t('home.schema')}</dt>
              <dd className={styles.value}>{t('home.schemaValue', { version: summary.schemaVersion })}</dd>
              <dt className={styles.term}>{t('home.appVersion')}</dt>
              <dd className={styles.value}>{status.appVersion}</dd>
            </dl>
          ) : error ? null : (
            <Skeleton aria-busy="true">
              <SkeletonItem />
              <SkeletonItem />
              <SkeletonItem />
            </Skeleton>
          )}
        </DashboardCard>
        <DashboardCard id="drafts" title={t('home.drafts')} description={t('home.draftsHint')}>
          {summary && summary.openDrafts.length > 0 ? (
            <ul className={styles.list}>
              {summary.openDrafts.map((formId) => (
                <li key={formId}>
                  {formId.startsWith(MASTER_DRAFT_PREFIX) ? (
                    <Link href={hrefs.client(formId.slice(MASTER_DRAFT_PREFIX.length))}>{t('forms.clientMaster')}</Link>
                  ) : formId.startsWith(CONFERENCE_DRAFT_PREFIX) ? (
                    <Link href={hrefs.case(caseOfConferenceDraft(formId))}>{t('forms.caseConference')}</Link>
                  ) : (
                    t(`forms.${formId}`, { defaultValue: t('home.unknownDraft', { formId }) })
                  )}
                </li>
              ))}
            </ul>
          ) : summary ? (
            <p className={styles.empty}>{t('home.noDrafts')}</p>
          ) : null}
        </DashboardCard>
        <ScratchNoteCard />
        {user.role === 'it-admin' ? <HealthSummaryCard /> : null}
        {user.role === 'it-admin' ? <IdleLockSettingsCard onSaved={onIdleLockMinutesChanged} /> : null}
        <MachinePolicyCard policy={status.policy} />
      </div>
    </div>
  );
}
