import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReportDialog } from '../components/data-subject/AccessReportDialog';
import { PolicyExportButton } from '../components/PolicyExportButton';
import { PersonPicker } from '../components/audit/PersonPicker';
import type { AuditSubject } from '../components/audit/audit-labels';
import { StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';

const useStyles = makeStyles({
  page: { maxWidth: '1000px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * "Auskunft nach Art. 15" for the data protection officer: find the person by name or birth date (audit.subjects:
 * only name and birth date are shown), then prepare the report. The report's methods admit Datenschutz for files its
 * own office keeps; another office's copy is refused with a clear message (the core audits the refusal).
 */
export function DataSubjectPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const [person, setPerson] = useState<AuditSubject | null>(null);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  return (
    <div className={styles.page}>
      <PageHeader title={t('dataSubject.page.title')} lead={t('dataSubject.page.lead')} />
      <p className={styles.text}>{t('dataSubject.page.deadline')}</p>
      <StatusNotice message={done ? t('dataSubject.dialog.done', { fileName: done }) : null} />
      <section className={styles.panel} aria-label={t('dataSubject.page.title')}>
        <PersonPicker
          selected={person}
          onSelect={(p) => {
            setPerson(p);
            setDone(null);
          }}
          selectedLabel={(p, born) => t('dataSubject.page.chosen', { name: p.displayName, born })}
          clearLabel={t('dataSubject.page.clear')}
        />
        {person ? (
          <div>
            <PolicyExportButton method="dataSubject.accessReport" appearance="primary" onClick={() => setOpen(true)}>
              {t('dataSubject.page.open')}
            </PolicyExportButton>
          </div>
        ) : null}
      </section>
      {open && person ? (
        <AccessReportDialog
          clientId={person.id}
          name={person.displayName}
          onDone={(fileName) => {
            setOpen(false);
            setDone(fileName);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
