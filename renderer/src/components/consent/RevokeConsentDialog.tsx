import { Field, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, ConsentView } from '../../api/case-types';
import { call } from '../../api/client';
import { consentRevokeInput } from '../../api/core';
import { errorText } from '../../api/error-text';
import { DateTextField, TextAreaField } from '../../forms/fields';
import { germanDay } from '../../forms/form-schemas';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { todayIso } from '../../format/partial-date';
import { germanFromIso } from '../DateField';
import { FormDialog } from '../FormDialog';

const useStyles = makeStyles({
  text: { margin: 0 },
});

/** The contract's input; the date is typed the German way and may not lie in the future. */
const schema = consentRevokeInput.pick({ form: true, note: true }).extend({
  revokedOn: germanDay.refine((iso) => iso <= todayIso(), { params: { key: 'consents.validation.revokedInFuture' } }),
});

/** Records a revocation (date, how, remark); access ends with the save, whatever date the revocation names. */
export function RevokeConsentDialog({ consent, onRevoked, onCancel }: { consent: ConsentView; onRevoked: (c: ClientDetail) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const form = useSchemaForm(schema, { revokedOn: germanFromIso(todayIso()), form: 'written', note: '' });
  const [alert, setAlert] = useState<string | null>(null);

  const save = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      onRevoked(await call('consents.revoke', { id: consent.id, version: consent.version, ...values, note: values.note || null }));
    } catch (e) {
      applyServerIssues(t, form, e, { revokedOn: 'revokedOn', note: 'note' });
      setAlert(errorText(t, e));
    }
  });

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
      busy={form.formState.isSubmitting}
      busyLabel={t('common.saving')}
      submitLabel={t('consents.confirmRevoke')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <DateTextField control={form.control} name="revokedOn" label={t('consents.revokedOnLabel')} required />
      <Controller
        name="form"
        control={form.control}
        render={({ field }) => (
          <Field label={t('consents.revokeForm')} required>
            <RadioGroup value={field.value} onChange={(_, d) => field.onChange(d.value)} layout="horizontal">
              <Radio value="written" label={t('consents.forms.written')} />
              <Radio value="oral" label={t('consents.forms.oral')} />
            </RadioGroup>
          </Field>
        )}
      />
      <TextAreaField control={form.control} name="note" label={t('consents.revokeNote')} rows={2} maxLength={1000} />
    </FormDialog>
  );
}
