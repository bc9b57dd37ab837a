import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '../../api/case-types';
import type { ConferenceActionDue } from '../../api/conference-types';
import { call } from '../../api/client';
import { CASE_PHASES } from '../../api/core';
import { errorText } from '../../api/error-text';
import { hrefs } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { formatIsoDay, formatPartialDate } from '../../format/partial-date';
import { ResidenceBadge } from '../clients/ResidenceBadge';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';
import { IncomingHandoversCard } from '../handovers/IncomingHandoversCard';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  wide: { gridColumn: '1 / -1' },
  group: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  phases: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  phase: { padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, margin: 0 },
  count: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  phaseName: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** "Meine Arbeit": due follow-ups, agreed actions of case conferences, expiring residence statuses, cases per phase (work.overview). */
export function WorkOverviewCards() {
  const styles = useStyles();
  const { t } = useTranslation();
  const overview = useLoad(() => call('work.overview', {}), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const complete = async (f: FollowUpView) => {
    setError(null);
    try {
      await call('followUps.complete', { id: f.id });
      setNotice(t('work.completed', { title: f.title }));
      overview.reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const completeAction = async (a: ConferenceActionDue) => {
    setError(null);
    try {
      await call('conferenceActions.setDone', { id: a.id, done: true });
      setNotice(t('work.actionCompleted', { what: a.what }));
      overview.reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const actionGroup = (key: 'overdue' | 'thisWeek', items: ConferenceActionDue[]) => (
    <section aria-labelledby={`ca-${key}`}>
      <h3 id={`ca-${key}`} className={`${styles.group} ${key === 'overdue' && items.length ? styles.overdue : ''}`}>
        {t(`work.actionGroups.${key}`)} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className={styles.empty}>{t('work.noActions')}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((a) => (
            <li key={a.id} className={styles.item}>
              <span>
                <Link href={hrefs.case(a.caseId)}>{a.what}</Link>
                <span className={styles.sub}>{t('work.actionFrom', { name: a.clientName, date: formatIsoDay(a.heldOn) })}</span>
              </span>
              <span>{t('work.due', { date: formatIsoDay(a.dueDate) })}</span>
              <Button size="small" onClick={() => void completeAction(a)} aria-label={t('work.completeActionLabel', { what: a.what, name: a.clientName })}>
                {t('work.complete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const group = (key: 'overdue' | 'today' | 'thisWeek', items: FollowUpView[]) => (
    <section aria-labelledby={`fu-${key}`}>
      <h3 id={`fu-${key}`} className={`${styles.group} ${key === 'overdue' && items.length ? styles.overdue : ''}`}>
        {t(`work.groups.${key}`)} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className={styles.empty}>{t('work.none')}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((f) => (
            <li key={f.id} className={styles.item}>
              <span>
                <Link href={hrefs.case(f.caseId)}>{f.title}</Link>
                <span className={styles.sub}>{f.clientName}</span>
              </span>
              <span>{t('work.due', { date: formatIsoDay(f.dueDate) })}</span>
              <Button size="small" onClick={() => void complete(f)} aria-label={t('work.completeLabel', { title: f.title, name: f.clientName })}>
                {t('work.complete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const data = overview.data;
  return (
    <div className={styles.grid}>
      <div className={styles.wide}>
        <FormAlert message={overview.error ? `${t('work.loadFailed')} ${errorText(t, overview.error)}` : error} />
        <StatusNotice message={notice} />
      </div>
      <IncomingHandoversCard />
      <DashboardCard id="my-follow-ups" title={t('work.followUps')} description={t('work.followUpsHint')}>
        {data ? (
          <>
            {group('overdue', data.followUps.overdue)}
            {group('today', data.followUps.today)}
            {group('thisWeek', data.followUps.thisWeek)}
          </>
        ) : null}
      </DashboardCard>
      <DashboardCard id="overdue-referrals" title={t('referrals.work.title')} description={t('referrals.work.hint')}>
        {data && data.overdueReferrals.length === 0 ? <p className={styles.empty}>{t('referrals.work.none')}</p> : null}
        {data && data.overdueReferrals.length > 0 ? (
          <ul className={styles.list}>
            {data.overdueReferrals.map((r) => (
              <li key={r.id} className={styles.item}>
                <span>
                  <Link href={hrefs.case(r.caseId)}>{t('referrals.work.item', { partner: r.partnerName, name: r.clientName })}</Link>
                  {r.sentOn ? <span className={styles.sub}>{t('referrals.sentOn', { date: formatIsoDay(r.sentOn) })}</span> : null}
                </span>
                <span className={styles.overdue}>{t('referrals.work.due', { date: formatIsoDay(r.feedbackDue) })}</span>
                <span />
              </li>
            ))}
          </ul>
        ) : null}
      </DashboardCard>
      <DashboardCard id="my-conference-actions" title={t('work.conferenceActions')} description={t('work.conferenceActionsHint')}>
        {data ? (
          <>
            {actionGroup('overdue', data.conferenceActions.overdue)}
            {actionGroup('thisWeek', data.conferenceActions.thisWeek)}
          </>
        ) : null}
      </DashboardCard>
      <DashboardCard id="expiring" title={t('work.expiring')} description={t('work.expiringHint')}>
        {data && data.expiringResidence.length === 0 ? <p className={styles.empty}>{t('work.noExpiring')}</p> : null}
        {data && data.expiringResidence.length > 0 ? (
          <ul className={styles.list}>
            {data.expiringResidence.map((c) => (
              <li key={c.id} className={styles.item}>
                <span>
                  <Link href={hrefs.client(c.id)}>
                    {c.familyName}, {c.givenNames}
                  </Link>
                  <span className={styles.sub}>
                    {t('clients.born', { date: formatPartialDate(t, c.birthDate, c.birthDatePlaceholder) })} · {t(`residenceTypes.${c.currentResidence.type}`)}
                  </span>
                </span>
                <ResidenceBadge residence={c.currentResidence} />
                <span />
              </li>
            ))}
          </ul>
        ) : null}
      </DashboardCard>
      <DashboardCard id="phases" title={t('work.perPhase')} className={styles.wide}>
        {data ? (
          <dl className={styles.phases}>
            {CASE_PHASES.map((p) => (
              <div key={p} className={styles.phase}>
                <dt className={styles.phaseName}>{t(`phases.${p}`)}</dt>
                <dd className={styles.count} data-testid={`phase-count-${p}`}>
                  {data.casesPerPhase[p] ?? 0}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </DashboardCard>
    </div>
  );
}
