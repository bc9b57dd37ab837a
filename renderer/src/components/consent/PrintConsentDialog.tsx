import { Checkbox, Field, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, ConsentView } from '../../api/case-types';
import { call } from '../../api/client';
import { CONSENT_FORM_LANGUAGES, consentFormLanguageFor, type ConsentFormChoice } from '../../api/core';
import { errorText } from '../../api/error-text';
import { FormDialog } from '../FormDialog';
import { downloadPdf } from '../print/download-pdf';

const useStyles = makeStyles({
  text: { margin: 0 },
});

const CHOICES: readonly ConsentFormChoice[] = ['de', ...CONSENT_FORM_LANGUAGES];

/** The client's first language the form is offered in, else German only. */
export function defaultFormLanguage(languages: ClientDetail['languages']): ConsentFormChoice {
  for (const l of languages ?? []) {
    const form = consentFormLanguageFor(l.code);
    if (form) return form;
  }
  return 'de';
}

/** Prints the form of one consent as a PDF, in German or German with the client's language side by side. */
export function PrintConsentDialog({
  client,
  consent,
  onDone,
  onCancel,
}: {
  client: ClientDetail;
  consent: ConsentView;
  onDone: (fileName: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [language, setLanguage] = useState<ConsentFormChoice>(() => defaultFormLanguage(client.languages));
  const [mutual, setMutual] = useState(true);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async () => {
    setAlert(null);
    setBusy(true);
    try {
      const pdf = await call('consents.printForm', { consentId: consent.id, language, mutual });
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
      title={t('consents.print.title')}
      intro={
        <>
          <p className={styles.text}>
            <strong>{consent.purpose}</strong>
          </p>
          <p className={styles.text}>{t('consents.print.intro')}</p>
        </>
      }
      alert={alert}
      busy={busy}
      busyLabel={t('consents.print.busy')}
      submitLabel={t('consents.print.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('consents.print.language')} hint={t('consents.print.languageHint')} required>
        <RadioGroup value={language} onChange={(_, d) => setLanguage(d.value as ConsentFormChoice)}>
          {CHOICES.map((c) => (
            <Radio key={c} value={c} label={t(`consents.print.languages.${c}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field hint={t('consents.print.mutualHint')}>
        <Checkbox checked={mutual} onChange={(_, d) => setMutual(d.checked === true)} label={t('consents.print.mutual')} />
      </Field>
    </FormDialog>
  );
}
