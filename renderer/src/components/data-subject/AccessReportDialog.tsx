import { Field, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { CONSENT_FORM_LANGUAGES, type AccessReportCounts, type AccessReportPreview, type ConsentFormChoice } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { useCategoryList } from '../../format/category-list';
import { formatIsoDay } from '../../format/partial-date';
import { FormDialog } from '../FormDialog';
import { downloadPdf } from '../print/download-pdf';

const useStyles = makeStyles({
  text: { margin: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  count: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'contents' },
});

const CHOICES: readonly ConsentFormChoice[] = ['de', ...CONSENT_FORM_LANGUAGES];
const COUNT_KEYS: readonly (keyof AccessReportCounts)[] = ['cases', 'goals', 'measures', 'notes', 'documents', 'consents', 'referrals', 'conferences', 'residence', 'household', 'mentions'];

/** What the report will contain, counted, before it is written (the preview call is audited too). */
function PreviewSummary({ preview }: { preview: AccessReportPreview }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const categoryList = useCategoryList();
  const r = preview.retention;
  return (
    <section className={styles.preview} aria-labelledby="art15-includes">
      <h3 id="art15-includes" className={styles.heading}>
        {t('dataSubject.dialog.includes')}
      </h3>
      <dl className={styles.counts}>
        {COUNT_KEYS.filter((k) => preview.counts[k] > 0).map((k) => (
          <div key={k} className={styles.pair}>
            <dt>{t(`dataSubject.dialog.counts.${k}`)}</dt>
            <dd className={styles.count}>{preview.counts[k]}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.text}>
        {t('dataSubject.dialog.categories')}: {categoryList(preview.categories)}
      </p>
      <h3 className={styles.heading}>{t('dataSubject.dialog.recipients')}</h3>
      {preview.recipients.length ? (
        <ul className={styles.list}>
          {preview.recipients.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ) : (
        <p className={styles.text}>{t('dataSubject.dialog.noRecipients')}</p>
      )}
      <p className={styles.text}>{t('dataSubject.dialog.viewers', { count: preview.viewers })}</p>
      <p className={styles.text}>
        {r.kind === 'open'
          ? t('dataSubject.dialog.retentionOpen', { years: r.years })
          : t('dataSubject.dialog.retentionUntil', { until: formatIsoDay(r.keepUntil), years: r.years, year: (r.basisDate ?? '').slice(0, 4) })}
      </p>
      {preview.withheld.length ? <p className={styles.text}>{t('dataSubject.dialog.withheld', { categories: categoryList(preview.withheld) })}</p> : null}
    </section>
  );
}

/**
 * The Art. 15 report of one person: loads the preview (what will be included, recipients, retention), lets the
 * user choose the second language (the client's first offered language preselected) and downloads the PDF.
 */
export function AccessReportDialog({ clientId, name, onDone, onCancel }: { clientId: string; name: string; onDone: (fileName: string) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const preview = useLoad(() => call('dataSubject.accessPreview', { clientId }), [clientId]);
  const [language, setLanguage] = useState<ConsentFormChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const chosen = language ?? preview.data?.suggestedLanguage ?? 'de';

  const submit = async () => {
    if (!preview.data) return;
    setAlert(null);
    setBusy(true);
    try {
      const pdf = await call('dataSubject.accessReport', { clientId, language: chosen });
      downloadPdf(pdf.fileName, pdf.pdfBase64);
      onDone(pdf.fileName);
    } catch (e) {
      setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('dataSubject.dialog.title')}
      intro={<p className={styles.text}>{t('dataSubject.dialog.intro', { name })}</p>}
      alert={alert ?? (preview.error ? errorText(t, preview.error) : null)}
      busy={busy}
      busyLabel={t('dataSubject.dialog.busy')}
      submitLabel={t('dataSubject.dialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {preview.data ? (
        <>
          <PreviewSummary preview={preview.data} />
          <Field label={t('dataSubject.dialog.language')} hint={t('dataSubject.dialog.languageHint')} required>
            <RadioGroup value={chosen} onChange={(_, d) => setLanguage(d.value as ConsentFormChoice)}>
              {CHOICES.map((c) => (
                <Radio key={c} value={c} label={t(`consents.print.languages.${c}`)} />
              ))}
            </RadioGroup>
          </Field>
        </>
      ) : preview.error ? null : (
        <Spinner size="small" label={t('dataSubject.dialog.loading')} />
      )}
    </FormDialog>
  );
}
