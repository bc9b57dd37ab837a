import { Button, Skeleton, SkeletonItem, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { hrefs, keepsFiles, navigate } from '../app/routes';
import { useLoad } from '../app/use-load';
import { CasesSection } from '../components/clients/CasesSection';
import { ClientFacts } from '../components/clients/ClientHeader';
import { DocumentsSection } from '../components/clients/DocumentsSection';
import { HouseholdSection } from '../components/clients/HouseholdSection';
import { MasterDataSection } from '../components/clients/MasterDataSection';
import { ResidenceSection } from '../components/clients/ResidenceSection';
import { MasterDataView } from '../components/clients/MasterDataView';
import { ConsentSection } from '../components/consent/ConsentSection';
import { DataHoldersSection } from '../components/referrals/DataHoldersSection';
import { NotSharedNotice, ReadOnlyNotice } from '../components/consent/NotSharedNotice';
import type { DataCategory } from '../api/core';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { RestrictedBanner } from '../components/retention/RestrictedBanner';
import { ClientConflictsPanel } from '../components/sync-conflicts/ClientConflictsPanel';
import { HandoverPanel } from '../components/handovers/HandoverPanel';
import { AccessReportDialog } from '../components/data-subject/AccessReportDialog';
import { PolicyExportButton } from '../components/PolicyExportButton';
import { dataSubjectAllows } from '../api/core';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalXL,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

const TABS = ['master', 'household', 'residence', 'documents', 'cases', 'consents'] as const;
type TabId = (typeof TABS)[number];

/** The data category each tab shows; a tab of a category the caller may not see explains why instead. */
const TAB_CATEGORY: Partial<Record<TabId, DataCategory>> = { household: 'family', residence: 'residence' };

/** The Klientenakte: header with what matters at a glance, then one tab per part of the file. */
export function ClientFilePage({ id, user }: { id: string; user: SessionUser }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const client = useLoad(() => call('clients.get', { id }), [id]);
  const [tab, setTab] = useState<TabId>('master');
  // Bumped when a settled sync conflict changed the file: the sections start again from the file as it is now.
  const [generation, setGeneration] = useState(0);
  // Handed over to another office just now: the file is no longer this office's, so only the notice stays.
  const [handedOver, setHandedOver] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState<string | null>(null);
  const c = client.data;

  const afterConflictResolved = () => {
    call('clients.get', { id }).then(
      (fresh) => {
        client.set(fresh);
        setGeneration((n) => n + 1);
      },
      () => client.reload(),
    );
  };

  if (!c) {
    return (
      <div className={styles.page}>
        <PageHeader title={t('clientFile.loading')} />
        <FormAlert message={client.error ? errorText(t, client.error) : null} />
        {client.error ? (
          <Button onClick={() => navigate(hrefs.clients)}>{t('clientFile.backToList')}</Button>
        ) : (
          <Skeleton aria-label={t('clientFile.loading')}>
            <SkeletonItem />
            <SkeletonItem />
          </Skeleton>
        )}
      </div>
    );
  }

  const canWrite = c.access.canWrite;
  const category = tab === 'master' ? 'master' : TAB_CATEGORY[tab];
  // Names and birth date identify the person for everyone; the rest of the master data is a category of its own.
  const hidden = category !== undefined && !c.access.categories.includes(category);
  return (
    <div className={styles.page}>
      <PageHeader
        title={`${c.givenNames} ${c.familyName}`}
        lead={t('clientFile.lead')}
        actions={
          // The Art. 15 report is the keeping office's (the core checks the office again).
          dataSubjectAllows(user.role) && c.access.owner ? (
            <PolicyExportButton method="dataSubject.accessReport" onClick={() => setReporting(true)}>{t('dataSubject.action')}</PolicyExportButton>
          ) : undefined
        }
      >
        <ClientFacts client={c} />
      </PageHeader>
      <RestrictedBanner restricted={c.access.restricted} />
      {handedOver ? null : <ReadOnlyNotice client={c} />}
      <StatusNotice message={reported ? t('dataSubject.dialog.done', { fileName: reported }) : null} />
      {reporting ? (
        <AccessReportDialog
          clientId={c.id}
          name={`${c.givenNames} ${c.familyName}`}
          onDone={(fileName) => {
            setReporting(false);
            setReported(fileName);
          }}
          onCancel={() => setReporting(false)}
        />
      ) : null}
      {c.access.owner && canWrite ? (
        <HandoverPanel clientId={c.id} user={user} onHandedOver={() => setHandedOver(true)} onAccepted={afterConflictResolved} />
      ) : null}
      {handedOver ? null : (
        <>
          {keepsFiles(user.role) && c.access.owner && canWrite ? <ClientConflictsPanel clientId={c.id} onResolved={afterConflictResolved} /> : null}
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t('clientFile.tabsLabel')}>
            {TABS.map((id) => (
              <Tab key={id} id={`client-tab-${id}`} value={id} aria-controls={`client-panel-${id}`}>
                {t(`clientFile.tabs.${id}`)}
                {id === 'documents' && c.documents.length ? ` (${c.documents.length})` : ''}
                {id === 'cases' && c.cases.length ? ` (${c.cases.length})` : ''}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`client-panel-${tab}`} aria-labelledby={`client-tab-${tab}`} className={styles.panel} tabIndex={0}>
            <Fragment key={generation}>
            {hidden ? <NotSharedNotice client={c} /> : null}
            {tab === 'master' && !hidden ? canWrite ? <MasterDataSection client={c} onSaved={client.set} /> : <MasterDataView client={c} /> : null}
            {tab === 'household' && !hidden ? <HouseholdSection client={c} readOnly={!canWrite} onChanged={client.set} /> : null}
            {tab === 'residence' && !hidden ? <ResidenceSection client={c} readOnly={!canWrite} onChanged={client.set} /> : null}
            {tab === 'consents' ? <ConsentSection client={c} onChanged={client.set} /> : null}
            {tab === 'consents' && c.access.owner ? <DataHoldersSection client={c} /> : null}
            {tab === 'documents' ? <DocumentsSection clientId={c.id} documents={c.documents} cases={c.cases} readOnly={!canWrite} canDelete={canWrite} onChanged={client.reload} /> : null}
            {tab === 'cases' ? <CasesSection client={c} user={user} readOnly={!canWrite} /> : null}
            </Fragment>
          </div>
        </>
      )}
    </div>
  );
}
