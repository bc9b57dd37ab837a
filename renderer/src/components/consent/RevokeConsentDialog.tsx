import { Field, Radio, RadioGroup, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, ConsentView } from '../../api/case-types';
import { call } from '../../api/client';
import type { ConsentForm } from '../../api/core';
import { errorText } from '../../api/error-text';
import { todayIso } from '../../format/partial-date';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';

const useStyles = makeStyles({
  text: { margin: 0 },
});

/** Records a revocation (date, how, remark); access ends with the save, whatever date the revocation names. */
export function RevokeConsentDialog({ consent, onRevoked, onCancel }: { consent: ConsentView; onRevoked: (c: ClientDetail) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [on, setOn] = useState(germanFromIso(todayIso()));
  const [form, setForm] = useState<ConsentForm>('written');
  const [note, setNote] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const iso = isoFromGerman(on);
    const error = !iso ? t(on.trim() ? 'dates.invalid' : 'validation.required') : iso > todayIso() ? t('consents.validation.revokedInFuture') : null;
    setDateError(error);
    if (error || !iso) return;
    setBusy(true);
    try {
      onRevoked(await call('consents.revoke', { id: consent.id, version: consent.version, revokedOn: iso, form, note: note.trim() || null }));
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      modalType="alert"
      title={t('consents.revokeTitle')}
      intro={
        <>
          <p className={styles.text}>
            <strong>{consent.purpose}</strong>
          </p>
          <p className={styles.text}>{t('consents.revokeText')}</p>
        </>
      }
      alert={alert}
      busy={busy}
      busyLabel={t('common.saving')}
      submitLabel={t('consents.confirmRevoke')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <DateField label={t('consents.revokedOnLabel')} value={on} onChange={setOn} error={dateError} required />
      <Field label={t('consents.revokeForm')} required>
        <RadioGroup value={form} onChange={(_, d) => setForm(d.value as ConsentForm)} layout="horizontal">
          <Radio value="written" label={t('consents.forms.written')} />
          <Radio value="oral" label={t('consents.forms.oral')} />
        </RadioGroup>
      </Field>
      <Field label={t('consents.revokeNote')}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} rows={2} maxLength={1000} />
      </Field>
    </FormDialog>
  );
}
