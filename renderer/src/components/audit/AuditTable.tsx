import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/date';
import { useTableStyles } from '../table-styles';
import { actionLabel, entityLabel, outcomeLabel, type AuditEntryView } from './audit-labels';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '1100px', fontSize: tokens.fontSizeBase200 },
  id: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', minWidth: '120px' },
  login: { color: tokens.colorNeutralForeground2 },
  denied: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  range: { margin: 0, color: tokens.colorNeutralForeground2 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

// Seconds matter in an audit trail (several entries per minute); Europe/Berlin like every date in the app.
const timeWithSeconds = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Europe/Berlin' });

/** One page of the trail as a native table (screen readers navigate it by cell), with previous/next paging. */
export function AuditTable({
  rows,
  total,
  offset,
  pageSize,
  loading,
  onOffset,
}: {
  rows: AuditEntryView[];
  total: number;
  offset: number;
  pageSize: number;
  loading: boolean;
  onOffset: (offset: number) => void;
}) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const none = t('auditView.table.none');

  return (
    <>
      <div role="status" aria-atomic="true" className={styles.range}>
        {loading ? t('auditView.table.loading') : total === 0 ? t('auditView.table.empty') : t('auditView.table.range', { from: offset + 1, to: offset + rows.length, total })}
      </div>
      {rows.length ? (
        <div className={styles.scroller} tabIndex={0} role="group" aria-label={t('auditView.table.caption')}>
          <table className={`${table.table} ${styles.table}`} aria-label={t('auditView.table.caption')}>
            <thead>
              <tr>
                <th scope="col" className={table.th}>{t('auditView.table.time')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.user')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.role')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.office')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.action')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.entity')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.recordId')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.fields')}</th>
                <th scope="col" className={table.th}>{t('auditView.table.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={table.td}>{t('auditView.table.at', { date: formatDate(r.at), time: timeWithSeconds.format(new Date(r.at)) })}</td>
                  <td className={table.td}>
                    {r.actorId ? (
                      <>
                        {r.actorName ?? none} <span className={styles.login}>({r.actorLogin ?? r.actorId})</span>
                      </>
                    ) : (
                      t('auditView.table.system')
                    )}
                  </td>
                  <td className={table.td}>{r.actorRole ? t(`roles.${r.actorRole}`, { defaultValue: r.actorRole }) : none}</td>
                  <td className={table.td}>{r.office ? t(`offices.${r.office}`, { defaultValue: r.office }) : none}</td>
                  <td className={table.td}>{actionLabel(t, r.action)}</td>
                  <td className={table.td}>{entityLabel(t, r.entity)}</td>
                  <td className={`${table.td} ${styles.id}`}>{r.entityId ?? none}</td>
                  <td className={table.td}>{r.fields.length ? r.fields.join(', ') : none}</td>
                  <td className={table.td}>
                    <span className={r.outcome === 'denied' ? styles.denied : r.outcome === 'failed' ? styles.failed : undefined}>{outcomeLabel(t, r.outcome)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > pageSize ? (
        <nav className={styles.pager} aria-label={t('auditView.table.pagination')}>
          <Button disabledFocusable={offset === 0 || loading} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
            {t('auditView.table.previous')}
          </Button>
          <Button disabledFocusable={offset + pageSize >= total || loading} onClick={() => onOffset(offset + pageSize)}>
            {t('auditView.table.next')}
          </Button>
        </nav>
      ) : null}
    </>
  );
}
