import { Button, Checkbox, Field, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../api/case-types';
import { call } from '../api/client';
import { CASE_PHASES, OFFICES, type CasePhase, type Office, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { hrefs, keepsFiles, navigate } from '../app/routes';
import { useLoad } from '../app/use-load';
import { SearchResults } from '../components/clients/SearchResults';
import { useClientPages, type ListQuery } from '../components/clients/use-client-pages';
import { VirtualClientTable, type SortKey } from '../components/clients/VirtualClientTable';
import { FormAlert } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';

const useStyles = makeStyles({
  page: { maxWidth: '1400px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  search: { maxWidth: '640px' },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    alignItems: 'end',
    margin: 0,
    padding: 0,
    border: 'none',
  },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  filter: { minWidth: '180px' },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const SEARCH_DELAY_MS = 250;

/** "Klient:innen": one search box over everything, and the filtered, sorted, virtualised list below it. */
export function ClientListPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [office, setOffice] = useState<Office | ''>('');
  const [phase, setPhase] = useState<CasePhase | ''>('');
  const [caseManagerId, setCaseManagerId] = useState('');
  const [expiringOnly, setExpiringOnly] = useState(false);
  const [sort, setSort] = useState<SortKey>('name');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const managers = useLoad(() => (keepsFiles(user.role) ? call('accounts.caseManagers', {}) : Promise.resolve([])), [user.role]);

  const listQuery = useMemo<ListQuery>(
    () => ({
      office: office || undefined,
      phase: phase || undefined,
      caseManagerId: caseManagerId || undefined,
      expiringOnly,
      sort,
      direction,
    }),
    [office, phase, caseManagerId, expiringOnly, sort, direction],
  );
  const pages = useClientPages(listQuery);

  // Debounced: one search per pause in typing, and an older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let active = true;
    const timer = window.setTimeout(() => {
      call('clients.search', { query: q, limit: 50 }).then(
        (result) => {
          if (!active) return;
          setHits({ query: q, hits: result });
          setSearchError(null);
        },
        (e: unknown) => active && setSearchError(e),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const searching = query.trim().length >= 2;
  const onSort = (key: SortKey) => {
    if (key === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(key);
      setDirection(key === 'updated' ? 'desc' : 'asc');
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('clients.title')}
        lead={t('clients.lead')}
        actions={
          keepsFiles(user.role) ? (
            <Button appearance="primary" onClick={() => navigate(hrefs.newClient)}>
              {t('clients.new')}
            </Button>
          ) : undefined
        }
      />
      <div role="search" className={styles.search}>
        <Field label={t('clients.searchLabel')} hint={t('clients.searchHint')}>
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} autoComplete="off" />
        </Field>
      </div>
      <FormAlert message={searchError ? errorText(t, searchError) : pages.error ? errorText(t, pages.error) : null} />
      <div role="status" aria-atomic="true" className={styles.count}>
        {searching
          ? hits && hits.query === query.trim()
            ? t('clients.hitCount', { count: hits.hits.length })
            : t('clients.searching')
          : pages.total !== null
            ? t('clients.total', { count: pages.total })
            : ''}
      </div>
      {searching ? (
        hits ? <SearchResults hits={hits.hits} query={hits.query} /> : null
      ) : (
        <>
          <fieldset className={styles.filters}>
            <legend className={styles.legend}>{t('clients.filters')}</legend>
            <Field label={t('clients.filterOffice')} className={styles.filter}>
              <Select value={office} onChange={(_, d) => setOffice(d.value as Office | '')}>
                <option value="">{t('clients.all')}</option>
                {OFFICES.map((o) => (
                  <option key={o} value={o}>
                    {t(`offices.${o}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('clients.filterPhase')} className={styles.filter}>
              <Select value={phase} onChange={(_, d) => setPhase(d.value as CasePhase | '')}>
                <option value="">{t('clients.all')}</option>
                {CASE_PHASES.map((p) => (
                  <option key={p} value={p}>
                    {t(`phases.${p}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('clients.filterCaseManager')} className={styles.filter}>
              <Select value={caseManagerId} onChange={(_, d) => setCaseManagerId(d.value)}>
                <option value="">{t('clients.all')}</option>
                {(managers.data ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id === user.id ? t('clients.me', { name: m.displayName }) : m.displayName}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox checked={expiringOnly} onChange={(_, d) => setExpiringOnly(d.checked === true)} label={t('clients.filterExpiring')} />
          </fieldset>
          <VirtualClientTable pages={pages} sort={sort} direction={direction} onSort={onSort} />
        </>
      )}
    </div>
  );
}
