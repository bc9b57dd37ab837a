import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { settingsUpdateInput } from '../api/core';
import { errorText } from '../api/error-text';
import { DashboardCard } from './DashboardCard';
import { FormAlert, StatusNotice } from './FormAlert';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  input: { width: '8em' },
});

const MIN = 1;
const MAX = 120;

/** Admin-only: minutes of inactivity before the workstation locks itself. */
export function IdleLockSettingsCard({ onSaved }: { onSaved: (minutes: number) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  useEffect(() => {
    call('settings.get', {}).then(
      // Input typed before the answer arrived wins over the loaded value.
      (s) => setValue((v) => (v === '' ? String(s.idleLockMinutes) : v)),
      (e: unknown) => setAlert(errorText(t, e)),
    );
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setAlert(null);
    const minutes = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!settingsUpdateInput.safeParse({ idleLockMinutes: minutes }).success) {
      setFieldError(t('validation.wholeNumberRange', { minimum: MIN, maximum: MAX }));
      document.getElementById(inputId)?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const result = await call('settings.update', { idleLockMinutes: minutes });
      setSaved(t('settings.saved', { count: result.idleLockMinutes }));
      onSaved(result.idleLockMinutes);
    } catch (error) {
      setAlert(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DashboardCard id="idle-lock" title={t('settings.title')} description={t('settings.intro')}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <FormAlert message={alert} />
        <div className={styles.row}>
          <Field
            label={t('settings.idleMinutes')}
            hint={t('settings.idleMinutesHint')}
            validationState={fieldError ? 'error' : 'none'}
            validationMessage={fieldError}
          >
            <Input
              id={inputId}
              className={styles.input}
              type="number"
              inputMode="numeric"
              min={MIN}
              max={MAX}
              step={1}
              name="idleLockMinutes"
              value={value}
              onChange={(_, d) => {
                setValue(d.value);
                setFieldError(null);
                setSaved(null);
              }}
            />
          </Field>
        </div>
        <div>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {busy ? t('settings.saving') : t('settings.save')}
          </Button>
        </div>
        <StatusNotice message={saved} />
      </form>
    </DashboardCard>
  );
}
