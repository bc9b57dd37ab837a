import { Badge, Button, Link, Skeleton, SkeletonItem, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error';
import type { CaseDetail } from '../api/case-types';
import { call } from '../api/client';
import { CASE_PHASES, findingAllows, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { hrefs } from '../app/routes';
import { useLoad } from '../app/use-load';
import { AssessmentSection } from '../components/cases/AssessmentSection';
import { CloseCaseDialog } from '../components/cases/CloseCaseDialog';
import { ConferencesSection } from '../components/conferences/ConferencesSection';
import { FollowUpsSection } from '../components/cases/FollowUpsSection';
import { NotesSection } from '../components/cases/NotesSection';
import { PhaseStepper } from '../components/cases/PhaseStepper';
import { PlanSection } from '../components/cases/PlanSection';
import { ReferralsSection } from '../components/referrals/ReferralsSection';
import { DocumentsSection } from '../components/clients/DocumentsSection';
import { NotSharedNotice, ReadOnlyNotice } from '../components/consent/NotSharedNotice';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { RestrictedBanner } from '../components/retention/RestrictedBanner';
import { FindingDialog } from '../components/findings/FindingDialog';
import { formatIsoDay } from '../format/partial-date';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`, margin: `${tokens.spacingVerticalS} 0 0`, color: tokens.colorNeutralForeground2 },
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalXL,
  },
  barActions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalXL,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const TABS = ['assessment', 'plan', 'notes', 'followUps', 'referrals', 'conferences', 'documents'] as const;
// Wiedervorlagen are the keeping office's own planning: the tab is there only when the case view brings them.
const tabsOf = (c: CaseDetail): TabId[] => TABS.filter((tid) => tid !== 'followUps' || c.followUps !== undefined);
type TabId = (typeof TABS)[number];

/** The Fallakte: the phase stepper on top, then assessment, Hilfeplan, notes, Wiedervorlagen, Fallkonferenzen and the case's documents. */
export function CaseFilePage({ id, user }: { id: string; user: SessionUser }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const kase = useLoad(() => call('cases.get', { id }), [id]);
  // Colleagues to assign follow-ups to; only the file-keeping roles have (and need) them.
  const keepsFiles = user.role === 'fallmanagement' || user.role === 'verwaltung';
  const managers = useLoad(() => (keepsFiles ? call('accounts.caseManagers', {}) : Promise.resolve([])), [keepsFiles]);
  const [tab, setTab] = useState<TabId>('assessment');
  const [closing, setClosing] = useState(false);
  const [recordingFinding, setRecordingFinding] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const c = kase.data;

  if (!c) {
    return (
      <div className={styles.page}>
        <PageHeader title={t('caseFile.loading')} />
        <FormAlert message={kase.error ? errorText(t, kase.error) : null} />
        {kase.error ? null : (
          <Skeleton aria-label={t('caseFile.loading')}>
            <SkeletonItem />
          </Skeleton>
        )}
      </div>
    );
  }

  const closed = c.closedOn !== null;
  // Another office or the ABH may read what a consent shares, never change it.
  const readOnly = closed || !c.access.canWrite;
  const index = CASE_PHASES.indexOf(c.phase);
  // "Abschluss" is reached only through the closing dialog, which asks for the outcome of every goal.
  const next = index >= 0 && index < CASE_PHASES.indexOf('evaluation') ? CASE_PHASES[index + 1] : undefined;

  const changed = (updated: CaseDetail) => {
    kase.set(updated);
    setAlert(null);
  };

  const advance = async () => {
    if (!next) return;
    setAlert(null);
    try {
      const updated = await call('cases.setPhase', { id: c.id, version: c.version, phase: next });
      kase.set(updated);
      setNotice(t('caseFile.phaseChanged', { phase: t(`phases.${next}`) }));
    } catch (e) {
      if (toApiError(e).code === 'record.staleVersion') {
        setAlert(t('caseFile.conflict'));
        kase.reload();
      } else setAlert(errorText(t, e));
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('caseFile.title', { name: c.clientName })}
        actions={
          <>
            <Link href={hrefs.client(c.clientId)}>{t('caseFile.toClient')}</Link>
            {/* A barrier met in this case, for Koordination's steering: stored without the case. */}
            {findingAllows(user.role, 'record') && c.access.owner ? <Button onClick={() => setRecordingFinding(true)}>{t('findings.record')}</Button> : null}
          </>
        }
      >
        <p className={styles.facts}>
          <span>{t('caseFile.openedOn', { date: formatIsoDay(c.openedOn) })}</span>
          {c.caseManagerName !== undefined ? <span>{t('caseFile.caseManagerIs', { name: c.caseManagerName })}</span> : null}
          <span>{t('caseFile.officeIs', { office: t(`offices.${c.office}`) })}</span>
          {/* A consent party gets only the Rechtskreise of its categories: "none yet" would be untrue for it. */}
          {c.rechtskreise.length || c.access.owner ? (
            <span>
              {t('cases.rechtskreise')}: {c.rechtskreise.length ? c.rechtskreise.map((r) => t(`rechtskreise.${r}`)).join(', ') : t('caseFile.noRechtskreise')}
            </span>
          ) : null}
        </p>
      </PageHeader>
      <RestrictedBanner restricted={c.access.restricted} />
      <ReadOnlyNotice client={c} />
      <section className={styles.bar} aria-labelledby="phase-title">
        <h2 id="phase-title" className={styles.h2}>
          {closed ? t('caseFile.closedTitle', { date: formatIsoDay(c.closedOn) }) : t('caseFile.phaseTitle', { phase: t(`phases.${c.phase}`) })}
        </h2>
        <PhaseStepper kase={c} />
        <FormAlert message={alert} />
        <StatusNotice message={notice} />
        {closed && c.closure ? (
          <p>
            <Badge appearance="outline">{t(`closureReasons.${c.closure.reason}`)}</Badge> {c.closure.summary}
          </p>
        ) : null}
        {readOnly ? null : (
          <div className={styles.barActions}>
            {next ? (
              <Button appearance="primary" onClick={() => void advance()}>
                {t('caseFile.nextPhase', { phase: t(`phases.${next}`) })}
              </Button>
            ) : null}
            <Button appearance={next ? 'secondary' : 'primary'} onClick={() => setClosing(true)}>
              {t('closeCase.open')}
            </Button>
          </div>
        )}
        {c.phaseHistory ? (
          <details>
            <summary>{t('caseFile.history')}</summary>
            <ol className={styles.history}>
              {c.phaseHistory.map((e, i) => (
                <li key={i}>{t('caseFile.historyEntry', { phase: t(`phases.${e.phase}`), date: formatIsoDay(e.on), name: e.byName })}</li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t('caseFile.tabsLabel')}>
        {tabsOf(c).map((tid) => (
          <Tab key={tid} id={`case-tab-${tid}`} value={tid} aria-controls={`case-panel-${tid}`}>
            {t(`caseFile.tabs.${tid}`)}
            {tid === 'notes' && c.notes?.length ? ` (${c.notes.length})` : ''}
            {tid === 'followUps' && c.followUps?.some((f) => !f.doneAt) ? ` (${c.followUps.filter((f) => !f.doneAt).length})` : ''}
            {tid === 'documents' && c.documents.length ? ` (${c.documents.length})` : ''}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`case-panel-${tab}`} aria-labelledby={`case-tab-${tab}`} className={styles.panel} tabIndex={0}>
        {tab === 'assessment' ? <AssessmentSection kase={c} readOnly={readOnly} onChanged={changed} /> : null}
        {tab === 'plan' ? <PlanSection kase={c} readOnly={readOnly} onChanged={changed} /> : null}
        {tab === 'notes' && !c.access.categories.includes('conversation-notes') ? <NotSharedNotice client={c} awaitingKey={c.access.owner && !!user.awaitingCategoryKeys?.includes('conversation-notes')} /> : null}
        {tab === 'notes' && c.access.categories.includes('conversation-notes') ? <NotesSection kase={c} readOnly={readOnly} onChanged={changed} /> : null}
        {tab === 'followUps' && c.followUps ? (
          <FollowUpsSection kase={c} user={user} managers={managers.data ?? []} readOnly={readOnly} onChanged={kase.reload} onUpdated={changed} />
        ) : null}
        {tab === 'referrals' ? <ReferralsSection kase={c} readOnly={readOnly} /> : null}
        {tab === 'conferences' ? <ConferencesSection kase={c} managers={managers.data ?? []} readOnly={readOnly} onCaseChanged={kase.reload} /> : null}
        {tab === 'documents' ? (
          <DocumentsSection clientId={c.clientId} caseId={c.id} documents={c.documents} readOnly={readOnly} canDelete={c.access.canWrite} onChanged={kase.reload} />
        ) : null}
      </div>
      {closing ? (
        <CloseCaseDialog
          kase={c}
          onClose={() => setClosing(false)}
          onClosed={(updated) => {
            setClosing(false);
            kase.set(updated);
            setNotice(t('closeCase.done'));
          }}
        />
      ) : null}
      {recordingFinding ? (
        <FindingDialog
          caseId={c.id}
          onCancel={() => setRecordingFinding(false)}
          onDone={(message) => {
            setRecordingFinding(false);
            setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
