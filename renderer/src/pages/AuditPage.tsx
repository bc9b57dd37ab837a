import { makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { AuditExportDialog } from '../components/audit/AuditExportDialog';
import { PolicyExportButton } from '../components/PolicyExportButton';
import { AuditFilters } from '../components/audit/AuditFilters';
import { AuditIntegrity } from '../components/audit/AuditIntegrity';
import { AuditTable } from '../components/audit/AuditTable';
import type { AuditFilterValues, AuditSubject } from '../components/audit/audit-labels';
import { PersonPicker } from '../components/audit/PersonPicker';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';

const useStyles = makeStyles({
  page: { maxWidth: '1400px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filterCard: { gap: tokens.spacingVerticalL },
  divider: { border: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, margin: 0, width: '100%' },
});

const PAGE_SIZE = 50;

/**
 * "Protokoll" for the data protection officer (and IT): the trail filtered by person, user, period and action, its
 * chain integrity at a glance, and a CSV export after re-entering the passphrase. The trail holds ids and field
 * names; the only personal data shown is the name and birth date of the person looked up.
 */
export function AuditPage({ user }: { user: SessionUser }) {
  // Looking up a person by name is the data protection officer's; IT reads the trail without client names.
  const findsPersons = user.role === 'datenschutz';
  const styles = useStyles();
  const { t } = useTranslation();
  const [person, setPerson] = useState<AuditSubject | null>(null);
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [offset, setOffset] = useState(0);
  const [exportOpen, setExportOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);

  const query = { ...filters, entityId: person?.id };
  const page = useLoad(
    () => call('audit.list', { ...query, offset, limit: PAGE_SIZE }),
    [person?.id, filters.actorId, filters.action, filters.from, filters.to, offset],
  );

  const closeExport = (message: string | null) => {
    setExportOpen(false);
    if (message) setNotice(message);
    window.setTimeout(() => exportButton.current?.focus(), 0);
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('auditView.title')}
        lead={t('auditView.lead')}
        actions={
          <PolicyExportButton method="audit.exportCsv" ref={exportButton} appearance="primary" onClick={() => setExportOpen(true)} disabledFocusable={!page.data}>
            {t('auditView.export.open')}
          </PolicyExportButton>
        }
      />
      <StatusNotice message={notice} />
      <AuditIntegrity />
      <DashboardCard id="audit-filter" title={t('auditView.filters.title')} className={styles.filterCard}>
        {findsPersons ? (
          <>
            <PersonPicker
              selected={person}
              onSelect={(p) => {
                setPerson(p);
                setOffset(0);
              }}
            />
            <hr className={styles.divider} />
          </>
        ) : null}
        <AuditFilters
          applied={filters}
          onApply={(f) => {
            setFilters(f);
            setOffset(0);
          }}
        />
      </DashboardCard>
      <DashboardCard id="audit-entries" title={t('auditView.table.title')}>
        <FormAlert message={page.error ? errorText(t, page.error) : null} />
        <AuditTable
          rows={page.data?.rows ?? []}
          total={page.data?.total ?? 0}
          offset={offset}
          pageSize={PAGE_SIZE}
          loading={page.loading}
          onOffset={setOffset}
        />
      </DashboardCard>
      {exportOpen ? (
        <AuditExportDialog
          filters={query}
          total={page.data?.total ?? 0}
          onCancel={() => closeExport(null)}
          onDone={(file) => closeExport(t('auditView.export.done', { fileName: file.fileName, count: file.rows }))}
        />
      ) : null}
    </div>
  );
}
