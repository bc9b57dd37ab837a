import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { RECHTSKREISE, type Rechtskreis, type SessionUser } from '../../api/core';
import { errorText } from '../../api/error-text';
import { hrefs, navigate } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { todayIso } from '../../format/partial-date';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingVerticalXS },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
});

/** "Fall eröffnen": responsible case manager, involved Rechtskreise, opening date. */
export function OpenCaseDialog({ open, clientId, user, onClose }: { open: boolean; clientId: string; user: SessionUser; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const managers = useLoad(() => call('accounts.caseManagers', {}), []);
  const [caseManagerId, setCaseManagerId] = useState(user.id);
  const [rechtskreise, setRechtskreise] = useState<Rechtskreis[]>([]);
  const [openedOn, setOpenedOn] = useState(() => germanFromIso(todayIso()));
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);

  const submit = async () => {
    setAlert(null);
    const on = isoFromGerman(openedOn);
    if (!on) return setDateError(on === '' ? t('validation.required') : t('dates.invalid'));
    setBusy(true);
    try {
      const created = await call('cases.open', { clientId, caseManagerId: caseManagerId || undefined, rechtskreise, openedOn: on });
      onClose();
      navigate(hrefs.case(created.id));
    } catch (e) {
      setBusy(false);
      setAlert(errorText(t, e));
    }
  };

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
      <Field label={t('cases.caseManager')}>
        <Select value={caseManagerId} onChange={(_, d) => setCaseManagerId(d.value)}>
          {options.length === 0 ? <option value={user.id}>{user.displayName}</option> : null}
          {options.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName} ({t(`offices.${m.office}`)})
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('cases.rechtskreise')}</legend>
        {RECHTSKREISE.map((r) => (
          <Checkbox
            key={r}
            label={t(`rechtskreise.${r}`)}
            checked={rechtskreise.includes(r)}
            onChange={(_, d) => setRechtskreise((list) => (d.checked ? [...list, r] : list.filter((x) => x !== r)))}
          />
        ))}
      </fieldset>
      <DateField label={t('cases.openedOn')} required value={openedOn} error={dateError} onChange={(text) => (setOpenedOn(text), setDateError(null))} />
    </FormDialog>
  );
}
