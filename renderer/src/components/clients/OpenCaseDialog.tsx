import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { caseOpenInput, RECHTSKREISE, type SessionUser } from '../../api/core';
import { errorText } from '../../api/error-text';
import { hrefs, navigate } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { germanDay } from '../../forms/form-schemas';
import { DateTextField } from '../../forms/fields';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { todayIso } from '../../format/partial-date';
import { germanFromIso } from '../DateField';
import { FormDialog } from '../FormDialog';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingVerticalXS },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
});

/** The contract's input with the opening date typed the German way. */
const schema = caseOpenInput.pick({ caseManagerId: true, rechtskreise: true }).extend({ openedOn: germanDay });

/** "Fall eröffnen": responsible case manager, involved Rechtskreise, opening date. */
export function OpenCaseDialog({ open, clientId, user, onClose }: { open: boolean; clientId: string; user: SessionUser; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const managers = useLoad(() => call('accounts.caseManagers', {}), []);
  const form = useSchemaForm(schema, { caseManagerId: user.id, rechtskreise: [], openedOn: germanFromIso(todayIso()) });
  const [alert, setAlert] = useState<string | null>(null);
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      const created = await call('cases.open', { clientId, ...values, caseManagerId: values.caseManagerId || undefined });
      onClose();
      navigate(hrefs.case(created.id));
    } catch (e) {
      applyServerIssues(t, form, e, { caseManagerId: 'caseManagerId', rechtskreise: 'rechtskreise', openedOn: 'openedOn' });
      setAlert(errorText(t, e));
    }
  });

  const options = managers.data ?? [];
  return (
    <FormDialog
      open={open}
      title={t('cases.openTitle')}
      alert={alert}
      busy={busy}
      busyLabel={t('common.saving')}
      submitLabel={t('cases.open')}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Controller
        name="caseManagerId"
        control={form.control}
        render={({ field }) => (
          <Field label={t('cases.caseManager')}>
            <Select ref={field.ref} value={field.value ?? ''} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur}>
              {options.length === 0 ? <option value={user.id}>{user.displayName}</option> : null}
              {options.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName} ({t(`offices.${m.office}`)})
                </option>
              ))}
            </Select>
          </Field>
        )}
      />
      <Controller
        name="rechtskreise"
        control={form.control}
        render={({ field }) => (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t('cases.rechtskreise')}</legend>
            {RECHTSKREISE.map((r) => {
              const list = field.value ?? [];
              return (
                <Checkbox
                  key={r}
                  label={t(`rechtskreise.${r}`)}
                  checked={list.includes(r)}
                  onChange={(_, d) => field.onChange(d.checked ? [...list, r] : list.filter((x) => x !== r))}
                />
              );
            })}
          </fieldset>
        )}
      />
      <DateTextField control={form.control} name="openedOn" label={t('cases.openedOn')} required />
    </FormDialog>
  );
}
