import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { PartnerSummary } from '../../api/core';
import { errorText } from '../../api/error-text';

const useStyles = makeStyles({
  search: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  hits: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hit: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  sub: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Finds a partner of the directory by name and adds it as a participant. */
export function PartnerPicker({ onPick }: { onPick: (p: PartnerSummary) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PartnerSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async () => {
    setError(null);
    try {
      setHits(await call('partners.search', { query: query.trim() || undefined }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <div>
      <div className={styles.search}>
        <Field label={t('conferences.form.partnerSearch')} validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined}>
          <Input
            value={query}
            maxLength={100}
            onChange={(_, d) => setQuery(d.value)}
            onKeyDown={(e) => {
              // Enter searches here instead of submitting the whole dialog.
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
        </Field>
        <Button onClick={() => void search()}>{t('conferences.form.partnerSearchButton')}</Button>
      </div>
      {hits !== null ? (
        <div role="status" aria-live="polite" className={styles.sub}>
          {t('conferences.form.partnerHits', { count: hits.length })}
        </div>
      ) : null}
      {hits && hits.length > 0 ? (
        <ul className={styles.hits} aria-label={t('conferences.form.partnerHitsLabel')}>
          {hits.slice(0, 8).map((p) => (
            <li key={p.id} className={styles.hit}>
              <span>
                {p.name} {p.city ? <span className={styles.sub}>· {p.city}</span> : null}
              </span>
              <Button size="small" onClick={() => onPick(p)} aria-label={t('conferences.form.addPartnerLabel', { name: p.name })}>
                {t('conferences.form.addPartner')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
