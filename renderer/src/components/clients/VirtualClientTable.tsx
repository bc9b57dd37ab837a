import { Button, Link, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../api/case-types';
import { hrefs } from '../../app/routes';
import { formatDate } from '../../format/date';
import { formatPartialDate } from '../../format/partial-date';
import { ResidenceBadge } from './ResidenceBadge';
import type { ClientPages } from './use-client-pages';

const ROW_HEIGHT = 48;
const OVERSCAN = 8;
const HEADER_HEIGHT = 44;
const COLUMNS = 'minmax(200px, 2.2fr) 150px minmax(180px, 1.6fr) 150px minmax(140px, 1.2fr) 160px';

const useStyles = makeStyles({
  table: { display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4 },
  // The header sits inside the scroller (sticky), so header and rows share one width, scrollbar or not.
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  th: {
    padding: `0 ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    alignItems: 'center',
    whiteSpace: 'nowrap',
  },
  sortButton: {
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
  },
  scroller: { overflowY: 'auto', maxHeight: 'max(320px, calc(100vh - 420px))', borderRadius: tokens.borderRadiusLarge },
  body: { position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    height: `${ROW_HEIGHT}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  td: { padding: `0 ${tokens.spacingHorizontalM}`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export type SortKey = 'name' | 'birthDate' | 'statusExpiry' | 'updated';

interface Props {
  pages: ClientPages;
  sort: SortKey;
  direction: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
}

/**
 * The client list as an ARIA table that renders only the rows in view. aria-rowcount / aria-rowindex tell a screen
 * reader the real size and position, so "Zeile 4.711 von 50.000" is announced though only ~30 rows exist in the DOM.
 */
export function VirtualClientTable({ pages, sort, direction, onSort }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const total = pages.total ?? 0;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  // view.height includes the sticky header; a few rows more than visible are harmless.
  const last = Math.min(total - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const { ensure } = pages;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);

  const header = (key: SortKey | null, label: string) => {
    const active = key === sort;
    return (
      <div role="columnheader" className={styles.th} aria-sort={key ? (active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
        {key ? (
          <Button appearance="transparent" size="small" className={styles.sortButton} onClick={() => onSort(key)}>
            {label}
            {active ? <span aria-hidden="true">&nbsp;{direction === 'asc' ? '▲' : '▼'}</span> : null}
          </Button>
        ) : (
          label
        )}
      </div>
    );
  };

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const c = pages.rowAt(i);
    rows.push(renderRow(i, c));
  }

  return (
    <div className={styles.table}>
      <div
        ref={scroller}
        className={styles.scroller}
        role="table"
        tabIndex={0}
        aria-label={t('clients.tableLabel')}
        aria-rowcount={total + 1}
        data-testid="client-table"
      >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.header}>
          {header('name', t('clients.columns.name'))}
          {header('birthDate', t('clients.columns.birthDate'))}
          {header('statusExpiry', t('clients.columns.residence'))}
          {header(null, t('clients.columns.phase'))}
          {header(null, t('clients.columns.caseManager'))}
          {header('updated', t('clients.columns.updated'))}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${Math.max(total, 1) * ROW_HEIGHT}px` }}>
        {rows}
      </div>
      </div>
    </div>
  );

  function renderRow(index: number, client: ClientSummary | undefined) {
    return (
      <div key={index} role="row" aria-rowindex={index + 2} className={styles.row} style={{ top: `${index * ROW_HEIGHT}px` }}>
        {client ? (
          <>
            <div role="cell" className={styles.td}>
              <Link href={hrefs.client(client.id)}>
                {client.familyName}, {client.givenNames}
              </Link>
            </div>
            <div role="cell" className={styles.td}>
              {formatPartialDate(t, client.birthDate, client.birthDatePlaceholder)}
            </div>
            <div role="cell" className={styles.td}>
              {client.currentResidence ? <ResidenceBadge residence={client.currentResidence} /> : <span className={styles.muted}>–</span>}
            </div>
            <div role="cell" className={styles.td}>
              {client.openCase ? t(`phases.${client.openCase.phase}`) : <span className={styles.muted}>{t('clients.noOpenCase')}</span>}
            </div>
            <div role="cell" className={styles.td}>
              {client.openCase?.caseManagerName ?? '–'}
            </div>
            <div role="cell" className={styles.td}>
              {formatDate(client.updatedAt)}
            </div>
          </>
        ) : (
          <div role="cell" className={styles.td} style={{ gridColumn: '1 / -1' }}>
            <Skeleton aria-label={t('clients.rowLoading')}>
              <SkeletonItem size={16} />
            </Skeleton>
          </div>
        )}
      </div>
    );
  }
}
