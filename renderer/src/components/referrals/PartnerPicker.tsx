import { Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { PartnerSummary } from '../../api/core';
import { errorText } from '../../api/error-text';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  results: { display: 'flex', flexDirection: 'column', maxHeight: '200px', overflowY: 'auto' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export interface PickedPartner {
  id: string;
  name: string;
}

const label = (p: PartnerSummary) => (p.city ? `${p.name} (${p.city})` : p.name);

/**
 * Chooses partners of the directory: a search (name, town, service words) and the hits as radio buttons (one
 * partner) or checkboxes (several). Chosen partners stay listed whatever the search shows.
 */
export function PartnerPicker({
  legend,
  value,
  onChange,
  multiple,
  error,
  required,
}: {
  legend: string;
  value: PickedPartner[];
  onChange: (next: PickedPartner[]) => void;
  multiple: boolean;
  error?: string;
  required?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PartnerSummary[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call('partners.search', { query: query.trim() || undefined })
        .then((found) => {
          if (!current) return;
          setHits(found.slice(0, 20));
          setFailure(null);
        })
        .catch((e: unknown) => current && setFailure(errorText(t, e)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, t]);

  const shown: PickedPartner[] = [...value, ...hits.filter((h) => !value.some((v) => v.id === h.id)).map((h) => ({ id: h.id, name: label(h) }))];
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>
        {legend}
        {required ? ' *' : ''}
      </legend>
      <Field label={t('referrals.dialog.partnerSearch')} hint={t('referrals.dialog.partnerSearchHint')}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {failure ? <p className={styles.error}>{failure}</p> : null}
      {shown.length === 0 ? <p className={styles.muted}>{t('referrals.dialog.partnerNone')}</p> : null}
      {multiple ? (
        <div className={styles.results} role="group" aria-label={t('referrals.dialog.partnerResults')}>
          {shown.map((p) => (
            <Checkbox
              key={p.id}
              label={p.name}
              checked={value.some((v) => v.id === p.id)}
              onChange={(_, d) => onChange(d.checked === true ? [...value, p] : value.filter((v) => v.id !== p.id))}
            />
          ))}
        </div>
      ) : shown.length ? (
        <RadioGroup
          className={styles.results}
          aria-label={t('referrals.dialog.partnerResults')}
          value={value[0]?.id ?? ''}
          onChange={(_, d) => {
            const p = shown.find((s) => s.id === d.value);
            if (p) onChange([p]);
          }}
        >
          {shown.map((p) => (
            <Radio key={p.id} value={p.id} label={p.name} />
          ))}
        </RadioGroup>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
