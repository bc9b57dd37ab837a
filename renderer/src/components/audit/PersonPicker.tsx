import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { formatPartialDate } from '../../format/partial-date';
import { FormAlert } from '../FormAlert';
import { useTableStyles } from '../table-styles';
import type { AuditSubject } from './audit-labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  searchRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  searchField: { flexGrow: 1, minWidth: '260px', maxWidth: '520px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
  selected: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  hits: { maxWidth: '720px' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/**
 * "Filter by person" without seeing the file: audit.subjects finds data subjects by name or birth date and returns
 * only name and birth date; choosing one filters the trail by that record id. The hit list is dropped once a
 * person is chosen, so no more names stay on screen than needed.
 */
export function PersonPicker({
  selected,
  onSelect,
  selectedLabel,
  clearLabel,
}: {
  selected: AuditSubject | null;
  onSelect: (subject: AuditSubject | null) => void;
  /** What the chosen person's line says (the audit view: "Protokoll gefiltert nach …"). */
  selectedLabel?: (subject: AuditSubject, born: string) => string;
  clearLabel?: string;
}) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const [hits, setHits] = useState<{ query: string; hits: AuditSubject[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const selectedRef = useRef<HTMLDivElement>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q.length < 2) {
      setQueryError(q ? t('auditView.person.tooShort') : t('validation.required'));
      return inputRef.current?.focus();
    }
    setQueryError(null);
    setBusy(true);
    try {
      setHits({ query: q, hits: await call('audit.subjects', { query: q, limit: 20 }) });
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = (subject: AuditSubject) => {
    onSelect(subject);
    setHits(null);
    setQuery('');
    window.setTimeout(() => selectedRef.current?.focus(), 0);
  };

  const born = (s: AuditSubject) => formatPartialDate(t, s.birthDate);
  return (
    <div className={styles.root}>
      <form role="search" aria-labelledby="audit-person-title" onSubmit={search} noValidate aria-busy={busy}>
        <h3 id="audit-person-title" className={styles.heading}>
          {t('auditView.person.title')}
        </h3>
        <div className={styles.searchRow}>
          <Field
            className={styles.searchField}
            label={t('auditView.person.search')}
            hint={t('auditView.person.searchHint')}
            validationState={queryError ? 'error' : 'none'}
            validationMessage={queryError ?? undefined}
          >
            <Input
              ref={inputRef}
              name="personQuery"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(_, d) => {
                setQuery(d.value);
                setQueryError(null);
              }}
            />
          </Field>
          <Button type="submit" disabledFocusable={busy}>
            {busy ? t('auditView.person.searching') : t('auditView.person.submit')}
          </Button>
        </div>
      </form>
      <FormAlert message={error ? errorText(t, error) : null} />
      <div role="status" aria-atomic="true" className={styles.count}>
        {hits ? (hits.hits.length ? t('auditView.person.hitCount', { count: hits.hits.length }) : t('auditView.person.noHits', { query: hits.query })) : ''}
      </div>
      {hits && hits.hits.length ? (
        <table className={`${table.table} ${styles.hits}`} aria-label={t('auditView.person.hitsLabel')}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('auditView.person.name')}</th>
              <th scope="col" className={table.th}>{t('auditView.person.birthDate')}</th>
              <th scope="col" className={table.th}>
                <span className={styles.srOnly}>{t('accountAdmin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hits.hits.map((h) => (
              <tr key={h.id}>
                <td className={table.td}>{h.displayName}</td>
                <td className={table.td}>{born(h)}</td>
                <td className={table.td}>
                  <Button size="small" onClick={() => choose(h)} aria-label={t('auditView.person.chooseFor', { name: h.displayName })}>
                    {t('auditView.person.choose')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {selected ? (
        <div ref={selectedRef} tabIndex={-1} className={styles.selected} data-testid="audit-person-selected">
          <span>{selectedLabel ? selectedLabel(selected, born(selected)) : t('auditView.person.selected', { name: selected.displayName, born: born(selected) })}</span>
          <Button size="small" onClick={() => onSelect(null)}>
            {clearLabel ?? t('auditView.person.clear')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
