import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { ConflictTable } from '../components/sync-conflicts/ConflictTable';
import { announceConflictsChanged } from '../components/sync-conflicts/conflict-events';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  empty: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * "Sync-Konflikte": every open conflict of the files this office keeps, newest first, with both values and the two
 * decisions. The list is loaded again after each decision, since a decision may settle more than its own row.
 */
export function SyncConflictsPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const conflicts = useLoad(() => call('conflicts.list', {}), []);
  const [notice, setNotice] = useState<string | null>(null);
  const empty = useRef<HTMLParagraphElement>(null);
  const list = conflicts.data;

  const focusEmpty = useCallback(() => empty.current?.focus(), []);

  return (
    <div className={styles.page}>
      <PageHeader title={t('syncConflicts.title')} lead={t('syncConflicts.lead')} actions={<Button onClick={conflicts.reload}>{t('syncConflicts.reload')}</Button>} />
      <StatusNotice message={notice} />
      <FormAlert message={conflicts.error ? errorText(t, conflicts.error) : null} />
      <DashboardCard id="sync-conflicts" title={t('syncConflicts.listTitle')}>
        {list === null && !conflicts.error ? <Spinner size="small" label={t('syncConflicts.loading')} /> : null}
        <ConflictTable
          conflicts={list ?? []}
          label={t('syncConflicts.tableLabel')}
          showClient
          focusWhenEmpty={focusEmpty}
          onResolved={(_, text) => {
            setNotice(text);
            conflicts.reload();
            announceConflictsChanged();
          }}
        />
        {list && !list.length ? (
          <p ref={empty} tabIndex={-1} className={styles.empty}>
            {t('syncConflicts.none')}
          </p>
        ) : null}
      </DashboardCard>
    </div>
  );
}
