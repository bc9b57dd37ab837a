import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { SyncConflictView } from '../../api/core';
import { errorText } from '../../api/error-text';
import { hrefs } from '../../app/routes';
import { FormAlert } from '../FormAlert';
import { useTableStyles } from '../table-styles';
import { fieldLabel, recordLabel, valueText, writtenBy } from './conflict-labels';

type Keep = 'winner' | 'other';

/** A value as a button's name and the notice quote it: long texts (a note, a report) only by their beginning. */
const quoted = (value: string) => (value.length > 60 ? `${value.slice(0, 57).trimEnd()} …` : value);

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  field: { fontWeight: tokens.fontWeightSemibold },
  secondary: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { display: 'block', overflowWrap: 'anywhere' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  link: {
    color: tokens.colorBrandForegroundLink,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

interface Props {
  conflicts: SyncConflictView[];
  /** Names the table for screen readers. */
  label: string;
  /** The conflict list shows whose file each row is; the client file's panel does not need to. */
  showClient: boolean;
  /** After a decision: the open conflicts left in that client's file (null: the call failed, load again). */
  onResolved: (remainingOfFile: SyncConflictView[] | null, notice: string | null) => void;
  /** Where focus goes when the last row is gone (the table then unmounts or shows nothing). */
  focusWhenEmpty: () => void;
}

/**
 * Open sync conflicts as a table: which record and field, both values with who wrote them when, and the two
 * decisions. After a decision focus moves to the row that took the settled one's place, so keyboard users go on
 * where they were.
 */
export function ConflictTable({ conflicts, label, showClient, onResolved, focusWhenEmpty }: Props) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstButtons = useRef<(HTMLElement | null)[]>([]);
  /** Row index to focus once the list has changed after a decision. */
  const focusAfter = useRef<number | null>(null);
  const whenEmpty = useRef(focusWhenEmpty);
  useLayoutEffect(() => {
    whenEmpty.current = focusWhenEmpty;
  });

  // Runs only when a new list arrives: a re-render with the old list would focus the row about to go.
  useEffect(() => {
    const index = focusAfter.current;
    if (index === null) return;
    focusAfter.current = null;
    if (!conflicts.length) {
      whenEmpty.current();
      return;
    }
    firstButtons.current[Math.min(index, conflicts.length - 1)]?.focus();
  }, [conflicts]);

  const resolve = async (c: SyncConflictView, index: number, keep: Keep): Promise<void> => {
    if (busy) return;
    setBusy(c.id);
    setError(null);
    const field = fieldLabel(t, i18n, c);
    const value = quoted(valueText(t, i18n, c, keep === 'winner' ? c.winner.value : c.other.value));
    try {
      const remaining = await call('conflicts.resolve', { id: c.id, keep });
      focusAfter.current = index;
      onResolved(remaining, t(keep === 'winner' ? 'syncConflicts.keptWinner' : 'syncConflicts.keptOther', { field, client: c.clientName, value }));
    } catch (e) {
      // Settled elsewhere meanwhile, or the file changed: say so and show the list as it is now.
      setError(errorText(t, e));
      focusAfter.current = index;
      onResolved(null, null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <FormAlert message={error} />
      {conflicts.length ? (
        <div className={styles.wrap}>
          <table className={table.table} aria-label={label}>
            <thead>
              <tr>
                {showClient ? <th scope="col" className={table.th}>{t('syncConflicts.columns.client')}</th> : null}
                <th scope="col" className={table.th}>{t('syncConflicts.columns.field')}</th>
                <th scope="col" className={table.th}>{t('syncConflicts.columns.winner')}</th>
                <th scope="col" className={table.th}>{t('syncConflicts.columns.other')}</th>
                <th scope="col" className={table.th}>{t('syncConflicts.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c, index) => {
                const field = fieldLabel(t, i18n, c);
                const winner = valueText(t, i18n, c, c.winner.value);
                const other = valueText(t, i18n, c, c.other.value);
                const working = busy === c.id;
                return (
                  <tr key={c.id} data-testid="sync-conflict">
                    {showClient ? (
                      <td className={table.td}>
                        <a className={styles.link} href={hrefs.client(c.clientId)}>
                          {c.clientName}
                        </a>
                      </td>
                    ) : null}
                    <td className={table.td}>
                      <span className={styles.field}>{field}</span>
                      <span className={styles.secondary}>{recordLabel(t, i18n, c)}</span>
                    </td>
                    <td className={table.td}>
                      <span className={styles.value}>{winner}</span>
                      <span className={styles.secondary}>{writtenBy(t, c.winner)}</span>
                    </td>
                    <td className={table.td}>
                      <span className={styles.value}>{other}</span>
                      <span className={styles.secondary}>{writtenBy(t, c.other)}</span>
                    </td>
                    <td className={table.td}>
                      <div className={styles.buttons}>
                        <Button
                          appearance="primary"
                          ref={(el) => {
                            firstButtons.current[index] = el;
                          }}
                          disabledFocusable={working}
                          aria-label={t('syncConflicts.keepWinnerFor', { field, client: c.clientName, value: quoted(winner) })}
                          onClick={() => void resolve(c, index, 'winner')}
                        >
                          {t('syncConflicts.keepWinner')}
                        </Button>
                        <Button
                          disabledFocusable={working}
                          aria-label={t('syncConflicts.keepOtherFor', { field, client: c.clientName, value: quoted(other) })}
                          onClick={() => void resolve(c, index, 'other')}
                        >
                          {t('syncConflicts.keepOther')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
