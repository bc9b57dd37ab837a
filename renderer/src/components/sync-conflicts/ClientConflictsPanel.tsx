import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useLoad } from '../../app/use-load';
import { DashboardCard } from '../DashboardCard';
import { StatusNotice } from '../FormAlert';
import { ConflictTable } from './ConflictTable';
import { announceConflictsChanged } from './conflict-events';

const useStyles = makeStyles({
  card: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
});

/** The page's heading: where focus goes when the last conflict of the file is settled and the panel is gone. */
const focusHeading = () => document.querySelector<HTMLElement>('main h1')?.focus();

/**
 * The client file's open sync conflicts, above its tabs; shown only while there are any. `onResolved` lets the
 * file load itself again, since taking the other value changes what the file shows.
 */
export function ClientConflictsPanel({ clientId, onResolved }: { clientId: string; onResolved: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const conflicts = useLoad(() => call('conflicts.list', { clientId }), [clientId]);
  const [notice, setNotice] = useState<string | null>(null);
  const list = conflicts.data ?? [];
  const focusEmpty = useCallback(() => window.setTimeout(focusHeading, 0), []);

  return (
    <>
      <StatusNotice message={notice} />
      {list.length ? (
        <DashboardCard id="client-sync-conflicts" className={styles.card} title={t('syncConflicts.panelTitle', { count: list.length })} description={t('syncConflicts.panelLead')}>
          <ConflictTable
            conflicts={list}
            label={t('syncConflicts.panelTableLabel')}
            showClient={false}
            focusWhenEmpty={focusEmpty}
            onResolved={(remaining, text) => {
              setNotice(text);
              if (remaining) conflicts.set(remaining);
              else conflicts.reload();
              // The table is gone with the last row: its own focus handling cannot run any more.
              if (remaining && !remaining.length) focusEmpty();
              announceConflictsChanged();
              onResolved();
            }}
          />
        </DashboardCard>
      ) : null}
    </>
  );
}
